using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Integrity.UploadFileNameAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Integrity.UploadFileNameAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Integrity.UploadFileNameCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Integrity
{
    [Trait("Rule", "HIPAA503")]
    public class UploadFileNameTests
    {
        [Fact]
        public Task Flags_client_file_name_in_paths()
        {
            const string source = """
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Net.Http.Headers;
                public class LabResultUploads
                {
                    private const string Root = "/var/uploads";
                    public async Task Save(IFormFile file, IFormFile scan, IFormFile consent, ContentDispositionHeaderValue disposition)
                    {
                        var path = Path.Combine(Root, {|#0:file.FileName|});
                        using (var stream = new FileStream(path, FileMode.Create))
                        {
                            await file.CopyToAsync(stream);
                        }

                        var name = Path.GetFileName(scan.FileName);
                        using var output = File.Create(Root + "/" + {|#1:name|});
                        File.WriteAllText("/var/consents/" + {|#2:consent.FileName.Trim()|}, "");
                        var header = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        File.Move("staging/x", Path.Join(Root, {|#3:header|}));
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.AspNetCore, null,
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(0).WithArguments("IFormFile.FileName", "Path.Combine"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(1).WithArguments("IFormFile.FileName", "File.Create"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(2).WithArguments("IFormFile.FileName", "File.WriteAllText"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(3).WithArguments("ContentDispositionHeaderValue.FileName", "Path.Join"));
        }

        [Fact]
        public Task Flags_classic_ASP_NET_SaveAs_under_MapPath()
        {
            const string source = """
                using System.Web;
                public class UploadController
                {
                    public HttpServerUtilityBase Server { get; } = null!;
                    public void Upload(HttpPostedFileBase file)
                    {
                        file.SaveAs(Server.MapPath("~/App_Data/uploads/" + {|#0:file.FileName|}));
                    }
                }
                namespace System.Web
                {
                    public abstract class HttpPostedFileBase { public virtual string FileName => ""; public virtual void SaveAs(string filename) { } }
                    public abstract class HttpServerUtilityBase { public virtual string MapPath(string path) => path; }
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(0).WithArguments("HttpPostedFileBase.FileName", "HttpPostedFileBase.SaveAs"));
        }

        [Fact]
        public Task Does_not_flag_generated_names_or_names_kept_as_data()
        {
            const string source = """
                using System;
                using System.IO;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                public record StoredFile(string OriginalName, string Path);
                public class LabResultUploads
                {
                    public async Task<StoredFile> Save(IFormFile file, string folder)
                    {
                        var stored = Path.Combine(folder, Path.GetRandomFileName());
                        var withExtension = Path.Combine(folder, Guid.NewGuid().ToString("N") + Path.GetExtension(file.FileName));
                        using (var stream = new FileStream(stored, FileMode.CreateNew))
                        {
                            await file.CopyToAsync(stream);
                        }

                        File.Copy(stored, withExtension);
                        var extension = new FileInfo(file.FileName).Extension;
                        var lookup = Path.GetFileNameWithoutExtension(stored);
                        Console.WriteLine(file.FileName);
                        return new StoredFile(file.FileName, stored);
                    }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.AspNetCore);
        }

        [Fact]
        public Task Fix_uses_a_generated_name()
        {
            const string source = """
                using System.IO;
                using Microsoft.AspNetCore.Http;
                public class Uploads
                {
                    public void Save(IFormFile file, IFormFile photo, string folder)
                    {
                        var path = Path.Combine(folder, [|file.FileName|]);
                        var name = Path.GetFileName(photo.FileName);
                        using var stream = File.Create(folder + "/" + [|name|]);
                    }
                }
                """;
            const string fixedSource = """
                using System.IO;
                using Microsoft.AspNetCore.Http;
                public class Uploads
                {
                    public void Save(IFormFile file, IFormFile photo, string folder)
                    {
                        var path = Path.Combine(folder, Path.GetRandomFileName());
                        var name = Path.GetFileName(photo.FileName);
                        using var stream = File.Create(folder + "/" + Path.GetRandomFileName());
                    }
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.AspNetCore);
        }

        [Fact]
        public Task Flags_names_in_span_and_array_paths_kept_names_and_more_sinks()
        {
            const string source = """
                using System.IO;
                using Microsoft.AspNetCore.Http;
                public class Uploads
                {
                    public void Save(IFormFile file, string root, string tenant, string year)
                    {
                        var many = Path.Combine(root, tenant, year, "scans", {|#0:file.FileName|});
                        var parts = new[] { root, file.FileName };
                        var fromArray = Path.Combine({|#1:parts|});
                        string[] collected = [root, file.FileName];
                        var fromCollection = Path.Combine({|#2:collected|});
                        File.Copy("staging/upload", root + "/" + {|#3:Path.ChangeExtension(file.FileName, ".pdf")|});
                        Directory.CreateDirectory(root + "/" + {|#4:file.FileName.Split('.')[0]|});
                        new FileInfo("staging/upload").MoveTo(root + "/" + {|#5:file.FileName|});
                    }
                }
                """;
            return V.Analyzer(source, ReferenceSet.AspNetCore, null,
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(0).WithArguments("IFormFile.FileName", "Path.Combine"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(1).WithArguments("IFormFile.FileName", "Path.Combine"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(2).WithArguments("IFormFile.FileName", "Path.Combine"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(3).WithArguments("IFormFile.FileName", "File.Copy"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(4).WithArguments("IFormFile.FileName", "Directory.CreateDirectory"),
                V.Diagnostic(Descriptors.UploadFileName).WithLocation(5).WithArguments("IFormFile.FileName", "FileInfo.MoveTo"));
        }

        [Fact]
        public Task Fix_drops_the_null_forgiving_operator_with_the_name()
        {
            const string source = """
                using System.IO;
                using Microsoft.AspNetCore.Http;
                public class Uploads
                {
                    private readonly string _root = "/var/uploads";
                    public void Save(IFormFile file, IFormFile other)
                    {
                        string? fileName = Path.GetFileName(file.FileName);
                        var path = Path.Combine(_root, [|fileName|]!);
                        var second = Path.Combine(_root, [|other.FileName|]!);
                    }
                }
                """;
            const string fixedSource = """
                using System.IO;
                using Microsoft.AspNetCore.Http;
                public class Uploads
                {
                    private readonly string _root = "/var/uploads";
                    public void Save(IFormFile file, IFormFile other)
                    {
                        string? fileName = Path.GetFileName(file.FileName);
                        var path = Path.Combine(_root, Path.GetRandomFileName());
                        var second = Path.Combine(_root, Path.GetRandomFileName());
                    }
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.AspNetCore);
        }
    }
}
