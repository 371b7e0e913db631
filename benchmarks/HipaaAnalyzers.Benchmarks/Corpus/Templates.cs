using System.Linq;
using System.Text;

namespace HipaaAnalyzers.Benchmarks.Corpus
{
    /// <summary>Source text of each kind of file in a feature module.</summary>
    internal static class Templates
    {
        public static string Model(int m, Entity e)
        {
            var props = new StringBuilder();
            var request = new StringBuilder();
            foreach (var f in e.Fields)
            {
                var attribute = f.Type == "string" ? "        [Required, StringLength(128)]\n" : "";
                var init = f.Type == "string" ? " = \"\";" : "";
                props.Append(attribute).Append($"        public {f.Type} {f.Name} {{ get; set; }}{init}\n\n");
                request.Append(attribute).Append($"        public {f.Type} {f.Name} {{ get; init; }}{init}\n\n");
            }

            var dtoParams = string.Join(", ", e.Fields.Select(f => $"{f.Type} {f.Name}"));
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations;

                namespace Corpus.M{{m}}.Models
                {
                    /// <summary>A {{e.Name}} record as stored by the module {{m}} service.</summary>
                    public class {{e.Name}}
                    {
                        [Key]
                        public int Id { get; set; }

                {{props}}        public DateTime CreatedAt { get; set; }

                        public DateTime? UpdatedAt { get; set; }

                        public {{e.Name}}Status RecordState { get; set; }

                        public List<{{e.Name}}Note> History { get; set; } = new List<{{e.Name}}Note>();

                        public override string ToString() => "{{e.Name}} " + Id;
                    }

                    public class {{e.Name}}Note
                    {
                        public int Id { get; set; }

                        public string Text { get; set; } = "";

                        public DateTime WrittenAt { get; set; }
                    }

                    public sealed record {{e.Name}}Dto(int Id, {{dtoParams}});

                    public sealed class Create{{e.Name}}Request
                    {
                {{request}}    }

                    public enum {{e.Name}}Status
                    {
                        Draft,
                        Active,
                        Suspended,
                        Closed,
                    }
                }
                """;
        }

        public static string DbContext(int m, Entity e, ModuleStyle style)
        {
            var table = e.Plural.ToLowerInvariant();
            var column = e.FirstString.Name;
            var properties = string.Concat(e.Fields.Where(f => f.Type == "string")
                .Select(f => $"            entity.Property(\"{f.Name}\").HasMaxLength(128).IsRequired();\n"));
            var raw = style.ConcatenatesSql
                ? $"{e.Plural}.FromSqlRaw(\"SELECT * FROM {table} WHERE {column} = '\" + term + \"'\")"
                : $"{e.Plural}.FromSqlRaw(\"SELECT * FROM {table} WHERE {column} = {{0}}\", term)";
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Corpus.M{{m}}.Models;
                using Microsoft.EntityFrameworkCore;

                namespace Corpus.M{{m}}.Data
                {
                    public sealed class {{e.Name}}DbContext : DbContext
                    {
                        public DbSet<{{e.Name}}> {{e.Plural}} { get; } = new DbSet<{{e.Name}}>();

                        public DbSet<{{e.Name}}Note> Notes { get; } = new DbSet<{{e.Name}}Note>();

                        protected override void OnModelCreating(ModelBuilder modelBuilder)
                        {
                            var entity = modelBuilder.Entity<{{e.Name}}>();
                            entity.ToTable("{{table}}");
                            entity.HasKey("Id");
                {{properties}}        }

                        public Task<{{e.Name}}?> FindAsync(int id, CancellationToken cancellationToken) =>
                            {{e.Plural}}.AsQueryable().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);

                        public Task<List<{{e.Name}}>> SearchAsync(string term, CancellationToken cancellationToken) =>
                            {{e.Plural}}.FromSqlInterpolated($"SELECT * FROM {{table}} WHERE {{column}} LIKE {term}").ToListAsync(cancellationToken);

                        public Task<List<{{e.Name}}>> SearchExactAsync(string term, CancellationToken cancellationToken) =>
                            {{raw}}.ToListAsync(cancellationToken);

                        public Task<List<{{e.Name}}>> RecentAsync(int days, CancellationToken cancellationToken)
                        {
                            var since = DateTime.UtcNow.AddDays(-days);
                            return {{e.Plural}}.AsQueryable()
                                .Where(x => x.CreatedAt >= since && x.RecordState != {{e.Name}}Status.Closed)
                                .OrderByDescending(x => x.CreatedAt)
                                .Take(100)
                                .ToListAsync(cancellationToken);
                        }

                        public int Archive(DateTime before) =>
                            Database.ExecuteSqlRaw("UPDATE {{table}} SET archived = 1 WHERE created_at < {0}", before);
                    }
                }
                """;
        }

        public static string Repository(int m, Entity e, ModuleStyle style)
        {
            var table = e.Plural.ToLowerInvariant();
            var key = e.FirstString.Name;
            var map = string.Concat(e.Fields.Select((f, i) => $"                {f.Name} = reader.{Getter(f.Type)}({i + 1}),\n"));
            var find = style.ConcatenatesSql
                ? $"\"SELECT * FROM {table} WHERE {key} = '\" + value + \"'\""
                : $"\"SELECT * FROM {table} WHERE {key} = @value\"";
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Data;
                using System.Data.Common;
                using System.Threading;
                using System.Threading.Tasks;
                using Corpus.M{{m}}.Models;
                using Dapper;
                using Microsoft.Extensions.Logging;

                namespace Corpus.M{{m}}.Data
                {
                    public sealed class {{e.Name}}Repository
                    {
                        private readonly DbConnection _connection;
                        private readonly ILogger<{{e.Name}}Repository> _logger;

                        public {{e.Name}}Repository(DbConnection connection, ILogger<{{e.Name}}Repository> logger)
                        {
                            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
                            _logger = logger;
                        }

                        public async Task<{{e.Name}}?> GetByIdAsync(int id, CancellationToken cancellationToken)
                        {
                            using var command = _connection.CreateCommand();
                            command.CommandText = "SELECT * FROM {{table}} WHERE id = @id";
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = "@id";
                            parameter.Value = id;
                            command.Parameters.Add(parameter);
                            using var reader = await command.ExecuteReaderAsync(cancellationToken);
                            if (!await reader.ReadAsync(cancellationToken))
                            {
                                _logger.LogDebug("No {Entity} with id {Id}", "{{e.Name}}", id);
                                return null;
                            }

                            return Map(reader);
                        }

                        public List<{{e.Name}}> FindBy{{key}}(string value)
                        {
                            var results = new List<{{e.Name}}>();
                            using var command = _connection.CreateCommand();
                            command.CommandText = {{find}};
                            var parameter = command.CreateParameter();
                            parameter.ParameterName = "@value";
                            parameter.Value = value;
                            command.Parameters.Add(parameter);
                            using var reader = command.ExecuteReader();
                            while (reader.Read())
                            {
                                results.Add(Map(reader));
                            }

                            _logger.LogDebug("Found {Count} rows in {Table}", results.Count, "{{table}}");
                            return results;
                        }

                        public IEnumerable<{{e.Name}}> ListPage(int page, int size)
                        {
                            if (page < 0 || size <= 0 || size > 500)
                            {
                                throw new ArgumentOutOfRangeException(nameof(size), "Page size must be between 1 and 500.");
                            }

                            return _connection.Query<{{e.Name}}>(
                                "SELECT * FROM {{table}} ORDER BY id OFFSET @Offset ROWS FETCH NEXT @Size ROWS ONLY",
                                new { Offset = page * size, Size = size });
                        }

                        public int Delete(int id) => _connection.Execute("DELETE FROM {{table}} WHERE id = @id", new { id });

                        public async Task<int> CountAsync(CancellationToken cancellationToken)
                        {
                            using var command = _connection.CreateCommand();
                            command.CommandText = "SELECT COUNT(*) FROM {{table}}";
                            var result = await command.ExecuteScalarAsync(cancellationToken);
                            return result is null ? 0 : Convert.ToInt32(result);
                        }

                        private static {{e.Name}} Map(DbDataReader reader) => new {{e.Name}}
                        {
                            Id = reader.GetInt32(0),
                {{map}}        };
                    }
                }
                """;
        }

        private static string Getter(string type) => type switch
        {
            "int" => "GetInt32",
            "bool" => "GetBoolean",
            "DateTime" => "GetDateTime",
            "decimal" => "GetDecimal",
            _ => "GetString",
        };

        public static string Service(int m, Entity e, ModuleStyle style)
        {
            var dtoArgs = string.Join(", ", e.Fields.Select(f => "entity." + f.Name));
            var assign = string.Concat(e.Fields.Select(f => $"                {f.Name} = request.{f.Name},\n"));
            var leaked = e.HoldsPhi ? e.SecondString.Name : e.FirstString.Name;
            var loadedLog = style.LeaksToLog
                ? $"_logger.LogInformation(\"Loaded {{Entity}} for {{Value}}\", nameof({e.Name}), entity.{leaked});"
                : $"_logger.LogInformation(\"Loaded {{Entity}} {{Id}}\", nameof({e.Name}), entity.Id);";
            var group = e.FirstString.Name;
            return $$"""
                using System;
                using System.Collections.Concurrent;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Corpus.M{{m}}.Data;
                using Corpus.M{{m}}.Models;
                using Corpus.M{{m}}.Validation;
                using Microsoft.Extensions.Logging;

                namespace Corpus.M{{m}}.Services
                {
                    public interface I{{e.Name}}Service
                    {
                        Task<{{e.Name}}Dto?> GetAsync(int id, CancellationToken cancellationToken);

                        Task<IReadOnlyList<{{e.Name}}Dto>> SearchAsync(string term, CancellationToken cancellationToken);

                        Task<{{e.Name}}Dto> CreateAsync(Create{{e.Name}}Request request, CancellationToken cancellationToken);

                        Task<bool> DeleteAsync(int id, CancellationToken cancellationToken);
                    }

                    public sealed class {{e.Name}}Service : I{{e.Name}}Service
                    {
                        private readonly {{e.Name}}Repository _repository;
                        private readonly {{e.Name}}DbContext _db;
                        private readonly ILogger<{{e.Name}}Service> _logger;
                        private readonly ConcurrentDictionary<int, {{e.Name}}Dto> _cache = new ConcurrentDictionary<int, {{e.Name}}Dto>();

                        public {{e.Name}}Service({{e.Name}}Repository repository, {{e.Name}}DbContext db, ILogger<{{e.Name}}Service> logger)
                        {
                            _repository = repository;
                            _db = db;
                            _logger = logger;
                        }

                        public async Task<{{e.Name}}Dto?> GetAsync(int id, CancellationToken cancellationToken)
                        {
                            if (_cache.TryGetValue(id, out var cached))
                            {
                                _logger.LogTrace("Cache hit for {Id}", id);
                                return cached;
                            }

                            var entity = await _repository.GetByIdAsync(id, cancellationToken);
                            if (entity is null)
                            {
                                _logger.LogWarning("{Entity} {Id} not found", nameof({{e.Name}}), id);
                                return null;
                            }

                            var dto = ToDto(entity);
                            _cache[id] = dto;
                            {{loadedLog}}
                            return dto;
                        }

                        public async Task<IReadOnlyList<{{e.Name}}Dto>> SearchAsync(string term, CancellationToken cancellationToken)
                        {
                            if (string.IsNullOrWhiteSpace(term) || term.Length > 64)
                            {
                                throw new ArgumentException("Search term must be 1 to 64 characters.", nameof(term));
                            }

                            var results = await _db.SearchAsync(term.Trim(), cancellationToken);
                            _logger.LogInformation("Search returned {Count} results", results.Count);
                            return results
                                .Where(x => x.RecordState != {{e.Name}}Status.Closed)
                                .OrderBy(x => x.Id)
                                .Select(ToDto)
                                .ToList();
                        }

                        public async Task<{{e.Name}}Dto> CreateAsync(Create{{e.Name}}Request request, CancellationToken cancellationToken)
                        {
                            var errors = {{e.Name}}Validator.Validate(request);
                            if (errors.Count > 0)
                            {
                                _logger.LogWarning("Rejected {Entity} with {ErrorCount} errors", nameof({{e.Name}}), errors.Count);
                                throw new ArgumentException(string.Join("; ", errors), nameof(request));
                            }

                            var entity = new {{e.Name}}
                            {
                {{assign}}                CreatedAt = DateTime.UtcNow,
                                RecordState = {{e.Name}}Status.Active,
                            };
                            _db.{{e.Plural}}.Add(entity);
                            await _db.SaveChangesAsync(cancellationToken);
                            _logger.LogInformation("Created {Entity} {Id}", nameof({{e.Name}}), entity.Id);
                            return ToDto(entity);
                        }

                        public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken)
                        {
                            var entity = await _db.FindAsync(id, cancellationToken);
                            if (entity is null)
                            {
                                return false;
                            }

                            entity.RecordState = {{e.Name}}Status.Closed;
                            entity.UpdatedAt = DateTime.UtcNow;
                            _cache.TryRemove(id, out _);
                            await _db.SaveChangesAsync(cancellationToken);
                            _logger.LogInformation("Closed {Entity} {Id}", nameof({{e.Name}}), id);
                            return true;
                        }

                        public string Summarize(IEnumerable<{{e.Name}}> items)
                        {
                            var builder = new StringBuilder();
                            foreach (var item in items)
                            {
                                builder.Append(item.Id).Append(':').Append(item.RecordState).Append(';');
                            }

                            return builder.ToString();
                        }

                        public IReadOnlyDictionary<string, int> CountBy{{group}}(IEnumerable<{{e.Name}}> items) =>
                            items.GroupBy(x => x.{{group}}, StringComparer.OrdinalIgnoreCase)
                                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

                        private static {{e.Name}}Dto ToDto({{e.Name}} entity) => new {{e.Name}}Dto(entity.Id, {{dtoArgs}});
                    }
                }
                """;
        }

        public static string Controller(int m, Entity e, ModuleStyle style)
        {
            var route = $"api/m{m}/{e.Plural.ToLowerInvariant()}";
            var auth = style.Anonymous ? "[AllowAnonymous]" : "[Authorize]";
            var header = string.Join(",", e.Fields.Select(f => f.Name));
            var row = string.Join(".Append(',').", e.Fields.Select(f => $"Append(item.{f.Name})"));
            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Corpus.M{{m}}.Models;
                using Corpus.M{{m}}.Services;
                using Microsoft.AspNetCore.Authorization;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Logging;

                namespace Corpus.M{{m}}.Controllers
                {
                    [ApiController]
                    [Route("{{route}}")]
                    {{auth}}
                    public sealed class {{e.Plural}}Controller : ControllerBase
                    {
                        private readonly I{{e.Name}}Service _service;
                        private readonly ILogger<{{e.Plural}}Controller> _logger;

                        public {{e.Plural}}Controller(I{{e.Name}}Service service, ILogger<{{e.Plural}}Controller> logger)
                        {
                            _service = service;
                            _logger = logger;
                        }

                        [HttpGet("{id:int}")]
                        public async Task<ActionResult<{{e.Name}}Dto>> Get(int id, CancellationToken cancellationToken)
                        {
                            var dto = await _service.GetAsync(id, cancellationToken);
                            return dto is null ? NotFound() : Ok(dto);
                        }

                        [HttpGet]
                        public async Task<ActionResult<IReadOnlyList<{{e.Name}}Dto>>> Search(
                            [FromQuery] string term, [FromQuery] int page = 0, CancellationToken cancellationToken = default)
                        {
                            if (string.IsNullOrWhiteSpace(term))
                            {
                                return BadRequest("term is required");
                            }

                            _logger.LogInformation("Search page {Page}", page);
                            var results = await _service.SearchAsync(term, cancellationToken);
                            return Ok(results.Skip(page * 50).Take(50).ToList());
                        }

                        [HttpPost]
                        public async Task<ActionResult<{{e.Name}}Dto>> Create([FromBody] Create{{e.Name}}Request request, CancellationToken cancellationToken)
                        {
                            if (!ModelState.IsValid)
                            {
                                return ValidationProblem(ModelState);
                            }

                            try
                            {
                                var created = await _service.CreateAsync(request, cancellationToken);
                                return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
                            }
                            catch (ArgumentException ex)
                            {
                                _logger.LogWarning(ex, "Invalid {Entity} request", nameof({{e.Name}}));
                                return BadRequest(ex.Message);
                            }
                        }

                        [HttpDelete("{id:int}")]
                        [Authorize(Roles = "Admin")]
                        public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
                            await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();

                        [HttpPost("export")]
                        public async Task<IActionResult> Export([FromBody] int[] ids, CancellationToken cancellationToken)
                        {
                            var builder = new StringBuilder("Id,{{header}}\n");
                            foreach (var id in ids.Distinct().Take(1000))
                            {
                                var item = await _service.GetAsync(id, cancellationToken);
                                if (item is null)
                                {
                                    continue;
                                }

                                builder.Append(item.Id).Append(',').{{row}}.Append('\n');
                            }

                            return File(Encoding.UTF8.GetBytes(builder.ToString()), "text/csv", "{{e.Plural.ToLowerInvariant()}}.csv");
                        }
                    }
                }
                """;
        }

        public static string ApiClient(int m, Entity e, ModuleStyle style)
        {
            var scheme = style.CleartextPartner ? "http" : "https";
            var path = "api/" + e.Plural.ToLowerInvariant();
            return $$"""
                using System;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Corpus.M{{m}}.Models;
                using Microsoft.Extensions.Logging;

                namespace Corpus.M{{m}}.Integration
                {
                    public sealed class {{e.Name}}ApiClient
                    {
                        private static readonly Uri PartnerBase = new Uri("{{scheme}}://partner{{m}}.example.org/");

                        private readonly HttpClient _http;
                        private readonly ILogger<{{e.Name}}ApiClient> _logger;

                        public {{e.Name}}ApiClient(HttpClient http, ILogger<{{e.Name}}ApiClient> logger)
                        {
                            _http = http;
                            _http.BaseAddress ??= PartnerBase;
                            _http.Timeout = TimeSpan.FromSeconds(30);
                            _logger = logger;
                        }

                        public async Task<{{e.Name}}Dto?> FetchAsync(int id, CancellationToken cancellationToken)
                        {
                            using var response = await _http.GetAsync($"{{path}}/{id}", cancellationToken);
                            if (!response.IsSuccessStatusCode)
                            {
                                _logger.LogWarning("Partner returned {Status} for {Resource}", (int)response.StatusCode, "{{path}}");
                                return null;
                            }

                            return await response.Content.ReadFromJsonAsync<{{e.Name}}Dto>(cancellationToken: cancellationToken);
                        }

                        public async Task<bool> PushAsync({{e.Name}}Dto dto, CancellationToken cancellationToken)
                        {
                            using var response = await _http.PostAsJsonAsync("{{path}}", dto, cancellationToken);
                            _logger.LogInformation("Pushed {Entity} {Id}: {Status}", nameof({{e.Name}}), dto.Id, (int)response.StatusCode);
                            return response.IsSuccessStatusCode;
                        }

                        public Task<string> LookupAsync(string value, CancellationToken cancellationToken)
                        {
                            var url = "{{path}}/lookup?q=" + Uri.EscapeDataString(value);
                            return _http.GetStringAsync(url, cancellationToken);
                        }
                    }
                }
                """;
        }

        public static string Validator(int m, Entity e)
        {
            var checks = new StringBuilder();
            foreach (var f in e.Fields)
            {
                checks.Append(f.Type switch
                {
                    "string" => $$"""
                                    if (string.IsNullOrWhiteSpace(request.{{f.Name}}))
                                    {
                                        errors.Add("{{f.Name}} is required.");
                                    }
                                    else if (request.{{f.Name}}.Length > 128)
                                    {
                                        errors.Add("{{f.Name}} is too long.");
                                    }


                        """,
                    "int" or "decimal" => $$"""
                                    if (request.{{f.Name}} < 0)
                                    {
                                        errors.Add("{{f.Name}} must not be negative.");
                                    }


                        """,
                    "DateTime" => $$"""
                                    if (request.{{f.Name}} > DateTime.UtcNow.AddYears(1))
                                    {
                                        errors.Add("{{f.Name}} is too far in the future.");
                                    }


                        """,
                    _ => "",
                });
            }

            return $$"""
                using System;
                using System.Collections.Generic;
                using System.Text.RegularExpressions;
                using Corpus.M{{m}}.Models;

                namespace Corpus.M{{m}}.Validation
                {
                    public static class {{e.Name}}Validator
                    {
                        private static readonly Regex CodePattern =
                            new Regex("^[A-Z0-9-]{3,32}$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

                        public static IReadOnlyList<string> Validate(Create{{e.Name}}Request request)
                        {
                            var errors = new List<string>();
                {{checks}}            return errors;
                        }

                        public static bool IsCode(string value) => CodePattern.IsMatch(value);

                        public static string Normalize(string value) => value.Trim().ToUpperInvariant();
                    }
                }
                """;
        }

        public static string Protector(int m, Entity e, ModuleStyle style)
        {
            var legacy = style.LegacyCrypto
                ? """
                        public static string LegacyChecksum(string value)
                        {
                            using var md5 = MD5.Create();
                            return Convert.ToHexString(md5.ComputeHash(Encoding.UTF8.GetBytes(value)));
                        }

                        public static int NewPin() => new Random().Next(1000, 9999);
                  """
                : """
                        public static string Checksum(string value) =>
                            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

                        public static int NewPin() => RandomNumberGenerator.GetInt32(1000, 9999);
                  """;
            return $$"""
                using System;
                using System.Security.Cryptography;
                using System.Text;

                namespace Corpus.M{{m}}.Security
                {
                    public sealed class {{e.Name}}Protector
                    {
                        private readonly byte[] _key;

                        public {{e.Name}}Protector(byte[] key)
                        {
                            if (key is null || key.Length != 32)
                            {
                                throw new ArgumentException("Key must be 256 bits.", nameof(key));
                            }

                            _key = key;
                        }

                        public string Fingerprint(string value)
                        {
                            using var hmac = new HMACSHA256(_key);
                            return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(value)));
                        }

                        public byte[] Encrypt(string plainText)
                        {
                            using var aes = Aes.Create();
                            aes.Key = _key;
                            aes.GenerateIV();
                            using var encryptor = aes.CreateEncryptor();
                            var bytes = Encoding.UTF8.GetBytes(plainText);
                            var cipher = encryptor.TransformFinalBlock(bytes, 0, bytes.Length);
                            var result = new byte[aes.IV.Length + cipher.Length];
                            Buffer.BlockCopy(aes.IV, 0, result, 0, aes.IV.Length);
                            Buffer.BlockCopy(cipher, 0, result, aes.IV.Length, cipher.Length);
                            return result;
                        }

                        public string Decrypt(byte[] data)
                        {
                            using var aes = Aes.Create();
                            aes.Key = _key;
                            var iv = new byte[16];
                            Buffer.BlockCopy(data, 0, iv, 0, iv.Length);
                            aes.IV = iv;
                            using var decryptor = aes.CreateDecryptor();
                            var plain = decryptor.TransformFinalBlock(data, iv.Length, data.Length - iv.Length);
                            return Encoding.UTF8.GetString(plain);
                        }

                        public static string HashPassword(string password, byte[] salt) =>
                            Convert.ToBase64String(Rfc2898DeriveBytes.Pbkdf2(password, salt, 210000, HashAlgorithmName.SHA256, 32));

                        public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

                {{legacy}}
                    }
                }
                """;
        }

        public static string WorkflowStep(int k) => $$"""

                    public async Task<string> Step{{k}}Async(int patientId, CancellationToken cancellationToken)
                    {
                        var patient = await _repository.GetByIdAsync(patientId, cancellationToken);
                        if (patient is null)
                        {
                            _logger.LogWarning("Step {Step}: patient {PatientId} not found", {{k}}, patientId);
                            return string.Empty;
                        }

                        var summary = new StringBuilder();
                        summary.Append("Step ").Append({{k}}).Append(" for ").Append(patient.Id);
                        if (patient.IsActive && patient.PrimaryProviderId > {{k % 7}})
                        {
                            summary.Append(" provider ").Append(patient.PrimaryProviderId);
                        }

                        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patient.MedicalRecordNumber)));
                        using var response = await _http.GetAsync($"api/workflow/{{k}}/{patient.Id}", cancellationToken);
                        _logger.LogInformation("Step {Step} finished for {PatientId} with {Status}", {{k}}, patient.Id, (int)response.StatusCode);
                        if ({{(k % 9 == 4 ? "true" : "false")}})
                        {
                            _logger.LogDebug("Step {Step} contact {Email}", {{k}}, patient.Email);
                        }

                        return summary.Append(' ').Append(fingerprint, 0, 8).ToString();
                    }

            """;

        public static string WorkflowService(string steps) => $$"""
            using System;
            using System.Net.Http;
            using System.Security.Cryptography;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Corpus.M0.Data;
            using Microsoft.Extensions.Logging;

            namespace Corpus.M0.Services
            {
                /// <summary>A long orchestration service, the size of the biggest files in real healthcare APIs.</summary>
                public sealed class PatientWorkflowService
                {
                    private readonly PatientRepository _repository;
                    private readonly HttpClient _http;
                    private readonly ILogger<PatientWorkflowService> _logger;

                    public PatientWorkflowService(PatientRepository repository, HttpClient http, ILogger<PatientWorkflowService> logger)
                    {
                        _repository = repository;
                        _http = http;
                        _logger = logger;
                    }
            {{steps}}    }
            }
            """;
    }
}
