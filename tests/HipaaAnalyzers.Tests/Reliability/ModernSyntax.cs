using System.Collections.Immutable;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>
    /// Hand-written inputs with the language features analyzers most often trip over. Each is compiled at every
    /// language version from 7.3 on, so older versions see them as errors and error recovery is exercised too.
    /// </summary>
    internal static class ModernSyntax
    {
        public static readonly ImmutableArray<CorpusSource> Sources = ImmutableArray.Create(
            new CorpusSource("top-level program", """
                using Microsoft.Extensions.Logging;
                using Microsoft.Extensions.Logging.Abstractions;

                ILogger logger = NullLogger.Instance;
                var ssn = args.Length > 0 ? args[0] : "";
                logger.LogInformation("SSN {Ssn}", ssn);
                System.Console.WriteLine($"Email {GetEmail()}");
                Local(ssn);

                static string GetEmail() => "";
                void Local(string medicalRecordNumber) => logger.LogDebug("MRN " + medicalRecordNumber);
                """),
            new CorpusSource("records and primary constructors", """
                using Microsoft.Extensions.Logging;
                namespace Clinic;
                public record Patient(string FirstName, string Ssn, System.DateOnly DateOfBirth);
                public record struct Visit(System.Guid Id, string Diagnosis);
                public readonly record struct Key(int Value);
                public sealed class Intake(ILogger<Intake> logger, Patient patient)
                {
                    public void Log() => logger.LogInformation("Patient {@Patient} {Ssn}", patient, patient.Ssn);
                    public Patient Renamed(string name) => patient with { FirstName = name };
                }
                public struct Clock(System.TimeProvider time) { public System.DateTimeOffset Now => time.GetUtcNow(); }
                """),
            new CorpusSource("collection expressions and spreads", """
                using System.Collections.Generic;
                using Microsoft.Extensions.Logging;
                class Batch
                {
                    void Run(ILogger logger, string ssn, string[] emails, List<string> diagnoses)
                    {
                        string[] all = [ssn, .. emails, ..diagnoses];
                        List<string> empty = [];
                        System.Span<int> numbers = [1, 2, 3];
                        logger.LogInformation("Batch {Items}", all);
                        logger.LogInformation("First {Email}", all[0]);
                        logger.LogInformation("{Values}", [ssn]);
                    }
                }
                """),
            new CorpusSource("raw and UTF-8 string literals", """"
                using Microsoft.Extensions.Logging;
                class Templates
                {
                    const string Template = """
                        Patient {Ssn} "quoted" {Email}
                        """;
                    static System.ReadOnlySpan<byte> Bytes => "ssn=078-05-1120"u8;
                    void Run(ILogger logger, string ssn, string email)
                    {
                        logger.LogInformation(Template, ssn, email);
                        logger.LogInformation($$"""{"ssn":"{{ssn}}"}""");
                        logger.LogInformation($"""Email {email}""");
                        var utf8 = "email"u8.ToArray();
                        logger.LogInformation("{Len}", Bytes.Length + utf8.Length);
                    }
                }
                """"),
            new CorpusSource("file-local types and required members", """
                using Microsoft.Extensions.Logging;
                file sealed class Secret { public required string Password { get; init; } public required string Ssn { get; init; } }
                file static class Extensions { public static string Mask(this string value) => "***"; }
                file interface IPatient { static abstract string Describe(string ssn); }
                static class Use
                {
                    static void Run(ILogger logger)
                    {
                        var s = new Secret { Password = "x", Ssn = "y" };
                        logger.LogInformation("{Ssn} {Masked}", s.Ssn, s.Ssn.Mask());
                    }
                }
                """),
            new CorpusSource("partial properties and members", """
                using Microsoft.Extensions.Logging;
                public partial class Chart
                {
                    public partial string Diagnosis { get; set; }
                    public partial string Diagnosis { get => field; set => field = value; }
                    partial void OnLoaded(string ssn);
                    partial void OnLoaded(string ssn) { }
                    public void Log(ILogger logger) => logger.LogWarning("Dx {Dx}", Diagnosis);
                }
                """),
            new CorpusSource("pattern matching, lambdas, local functions, generics", """
                using System;
                using System.Linq;
                using Microsoft.Extensions.Logging;
                class Patterns
                {
                    void Run(ILogger logger, object value, string[] ssns)
                    {
                        if (value is string { Length: > 3 } email and not "") logger.LogInformation("Email {E}", email);
                        var log = (string s) => logger.LogInformation("SSN {S}", s);
                        Func<string, string> id = static x => x;
                        foreach (var ssn in ssns.Where(s => s.Length == 11)) log(id(ssn));
                        var message = value switch { int n => $"n={n}", string s => s, _ => "" };
                        logger.LogInformation(message);
                        Generic<string>(logger, ssns[0]);
                        static void Generic<T>(ILogger l, T ssn) where T : notnull => l.LogInformation("{S}", ssn);
                    }
                    async System.Threading.Tasks.Task Async(ILogger logger, System.Collections.Generic.IAsyncEnumerable<string> mrns)
                    {
                        await foreach (var mrn in mrns) logger.LogInformation("MRN {Mrn}", mrn);
                        await using var d = new System.IO.MemoryStream();
                    }
                }
                """),
            new CorpusSource("unsafe, ref structs, default interface members, operators", """
                using Microsoft.Extensions.Logging;
                interface IAudit { void Write(ILogger logger, string ssn) => logger.LogInformation("{Ssn}", ssn); }
                ref struct Buffer { public System.Span<char> Chars; }
                readonly struct Money { public static Money operator +(Money a, Money b) => a; public static implicit operator string(Money m) => ""; }
                unsafe class Native
                {
                    void Run(ILogger logger, int* p, string email)
                    {
                        delegate*<int, void> f = null;
                        stackalloc int[4][0] = *p;
                        logger?.LogInformation(email ?? "none");
                        logger!.LogInformation("{E}", email!);
                        (string a, string b) = (email, email);
                        logger.LogInformation("{A}", a);
                    }
                }
                """));
    }
}
