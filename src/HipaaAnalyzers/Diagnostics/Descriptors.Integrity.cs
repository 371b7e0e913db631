using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Diagnostics
{
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor DynamicSql = RuleFactory.Create(
            RuleIds.DynamicSql,
            "SQL text built from non-constant strings",
            "The SQL passed to '{0}' is built from {1} ({2}); a crafted value can read or alter any patient record, "
            + "so pass values as command parameters (or use FromSql/ExecuteSql with an interpolated string) instead "
            + "(45 CFR 164.312(c)(1))",
            Categories.Integrity,
            DiagnosticSeverity.Warning,
            "164.312(c)(1)",
            "CWE-89",
            "SQL text assembled by concatenation, interpolation or formatting of values lets a caller change the "
            + "statement itself (SQL injection), which defeats the integrity controls protecting electronic PHI "
            + "(45 CFR 164.312(c)(1)). Keep the SQL text constant and bind every value as a parameter.");

        public static readonly DiagnosticDescriptor InsecureDeserialization = RuleFactory.Create(
            RuleIds.InsecureDeserialization,
            "Insecure deserialization",
            "{0} lets the serialized data choose which .NET types are created, so a crafted payload can run code "
            + "and alter PHI; {1} (45 CFR 164.312(c)(1))",
            Categories.Integrity,
            DiagnosticSeverity.Warning,
            "164.312(c)(1)",
            "CWE-502",
            "Serializers that read type names from the payload (BinaryFormatter, NetDataContractSerializer, "
            + "SoapFormatter, LosFormatter, ObjectStateFormatter, JavaScriptSerializer with a type resolver, Json.NET "
            + "with TypeNameHandling other than None) can be made to instantiate gadget types and execute code, "
            + "compromising the integrity of electronic PHI (45 CFR 164.312(c)(1)).");

        public static readonly DiagnosticDescriptor UploadFileName = RuleFactory.Create(
            RuleIds.UploadFileName,
            "Upload saved under the client's file name",
            "The client-supplied file name '{0}' reaches the file path of '{1}'; a name such as '../../web.config' "
            + "can overwrite or plant files next to patient documents, so save the upload under a generated name "
            + "such as Path.GetRandomFileName() and keep the original name only as data (45 CFR 164.312(c)(1))",
            Categories.Integrity,
            DiagnosticSeverity.Warning,
            "164.312(c)(1)",
            "CWE-22",
            "The file name of an upload is chosen by the client. Used as part of a path it allows path traversal and "
            + "overwriting of stored records (45 CFR 164.312(c)(1)). Store uploads under a server-generated name and "
            + "keep the client's name in a database column if it must be shown.");
    }
}
