using PatientPortal.Services;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddSingleton<PatientDirectory>();

var app = builder.Build();
app.MapControllers();
app.Run();
