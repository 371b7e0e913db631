using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Integrity.InsecureDeserializationAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Integrity.InsecureDeserializationAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Integrity.InsecureDeserializationCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Integrity
{
    [Trait("Rule", "HIPAA502")]
    public class InsecureDeserializationTests
    {
        private const string SystemWeb = """

            namespace System.Web.UI { public class LosFormatter { public object Deserialize(string input) => null!; } }
            namespace System.Web.Script.Serialization
            {
                public abstract class JavaScriptTypeResolver { }
                public class SimpleTypeResolver : JavaScriptTypeResolver { }
                public class JavaScriptSerializer
                {
                    public JavaScriptSerializer() { }
                    public JavaScriptSerializer(JavaScriptTypeResolver? resolver) { }
                }
            }
            """;

        [Fact]
        public Task Flags_type_embedding_formatters()
        {
            const string source = """
                #pragma warning disable SYSLIB0011
                using System.IO;
                using System.Runtime.Serialization.Formatters.Binary;
                using System.Web.Script.Serialization;
                using System.Web.UI;
                public class ChartCache
                {
                    public object Load(Stream stream) => {|#0:new BinaryFormatter()|}.Deserialize(stream);
                    public object LoadViewState(string state) => {|#1:new LosFormatter()|}.Deserialize(state);
                    public JavaScriptSerializer Json() => {|#2:new JavaScriptSerializer(new SimpleTypeResolver())|};
                    public object? Load(Stream stream, string typeName) =>
                        {|#3:new System.Xml.Serialization.XmlSerializer(System.Type.GetType(typeName)!)|}.Deserialize(stream);
                }
                """;
            return V.Analyzer(source + SystemWeb, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(0).WithArguments("'BinaryFormatter'",
                    "use System.Text.Json, XmlSerializer or DataContractSerializer with known types instead"),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(1).WithArguments("'LosFormatter'",
                    "use System.Text.Json, XmlSerializer or DataContractSerializer with known types instead"),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(2).WithArguments("'JavaScriptSerializer' with a type resolver",
                    "remove the type resolver"),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(3).WithArguments("'XmlSerializer' built for a type named at run time",
                    "construct it with a fixed typeof(...) or a closed list of known types"));
        }

        [Fact]
        public Task Flags_TypeNameHandling_in_settings_serializer_and_attributes()
        {
            const string source = """
                using Newtonsoft.Json;
                public class Referral
                {
                    [JsonProperty(TypeNameHandling = {|#0:TypeNameHandling.Auto|})]
                    public object? Payload { get; set; }
                }
                public class Importer
                {
                    public Referral? Read(string json)
                    {
                        var settings = new JsonSerializerSettings { TypeNameHandling = {|#1:TypeNameHandling.All|} };
                        var serializer = new JsonSerializer();
                        serializer.TypeNameHandling = {|#2:TypeNameHandling.Objects|};
                        return JsonConvert.DeserializeObject<Referral>(json, settings);
                    }
                }
                """;
            const string advice = "use TypeNameHandling.None, or restrict the allowed types with an ISerializationBinder";
            return V.Analyzer(source, ReferenceSet.Libraries, null,
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(0).WithArguments("TypeNameHandling other than None on 'JsonPropertyAttribute'", advice),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(1).WithArguments("TypeNameHandling other than None on 'JsonSerializerSettings'", advice),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(2).WithArguments("TypeNameHandling other than None on 'JsonSerializer'", advice));
        }

        [Fact]
        public Task Does_not_flag_safe_serializers_None_binders_or_configured_values()
        {
            const string source = """
                using System.IO;
                using System.Text.Json;
                using System.Runtime.Serialization;
                using System.Xml.Serialization;
                using System.Web.Script.Serialization;
                using Newtonsoft.Json;
                using Newtonsoft.Json.Serialization;
                public class Referral { public string Id { get; set; } = ""; }
                public class Importer
                {
                    public void Read(string json, Stream stream, ISerializationBinder binder, TypeNameHandling configured)
                    {
                        System.Text.Json.JsonSerializer.Deserialize<Referral>(json);
                        new DataContractSerializer(typeof(Referral)).ReadObject(stream);
                        new XmlSerializer(typeof(Referral)).Deserialize(stream);
                        new XmlSerializer(System.Type.GetType("Clinic.Referral")!).Deserialize(stream);
                        new JavaScriptSerializer();
                        new JavaScriptSerializer(null);
                        var none = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
                        var restricted = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto, SerializationBinder = binder };
                        var fromConfig = new JsonSerializerSettings { TypeNameHandling = configured };
                        JsonConvert.DeserializeObject<Referral>(json);
                    }
                }
                """;
            return V.NoDiagnostic(source + SystemWeb, ReferenceSet.Libraries);
        }

        [Fact]
        public Task Fix_sets_TypeNameHandling_None_everywhere()
        {
            const string source = """
                using Newtonsoft.Json;
                public class Referral
                {
                    [JsonProperty(ItemTypeNameHandling = [|TypeNameHandling.Arrays|])]
                    public object[]? Items { get; set; }
                }
                public class Importer
                {
                    public JsonSerializerSettings Settings() => new JsonSerializerSettings
                    {
                        TypeNameHandling = [|Newtonsoft.Json.TypeNameHandling.All|],
                    };

                    public void Configure(JsonSerializer serializer) => serializer.TypeNameHandling = [|(TypeNameHandling)4|];
                }
                """;
            const string fixedSource = """
                using Newtonsoft.Json;
                public class Referral
                {
                    [JsonProperty(ItemTypeNameHandling = TypeNameHandling.None)]
                    public object[]? Items { get; set; }
                }
                public class Importer
                {
                    public JsonSerializerSettings Settings() => new JsonSerializerSettings
                    {
                        TypeNameHandling = Newtonsoft.Json.TypeNameHandling.None,
                    };

                    public void Configure(JsonSerializer serializer) => serializer.TypeNameHandling = TypeNameHandling.None;
                }
                """;
            return VF.Fix(source, fixedSource);
        }

        [Fact]
        public Task Binder_only_covers_the_settings_object_it_is_set_on()
        {
            const string source = """
                using Newtonsoft.Json;
                using Newtonsoft.Json.Serialization;
                public class Importer
                {
                    private readonly JsonSerializerSettings _field = new JsonSerializerSettings();
                    public void Read(ISerializationBinder binder)
                    {
                        var restricted = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Auto, SerializationBinder = binder };
                        var open = new JsonSerializerSettings { TypeNameHandling = {|#0:TypeNameHandling.All|} };
                        var later = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.Objects };
                        later.SerializationBinder = binder;
                        var other = new JsonSerializerSettings();
                        other.TypeNameHandling = {|#1:TypeNameHandling.Auto|};
                        _field.TypeNameHandling = TypeNameHandling.Auto;
                        _field.SerializationBinder = binder;
                    }

                    public void Configure(MvcOptions options, MvcOptions other, ISerializationBinder binder)
                    {
                        options.SerializerSettings.TypeNameHandling = TypeNameHandling.Auto;
                        options.SerializerSettings.SerializationBinder = binder;
                        other.SerializerSettings.TypeNameHandling = {|#2:TypeNameHandling.Auto|};
                        options.SerializationBinder = binder;
                    }
                }
                public sealed class MvcOptions
                {
                    public JsonSerializerSettings SerializerSettings { get; } = new JsonSerializerSettings();
                    public ISerializationBinder? SerializationBinder { get; set; }
                }
                """;
            const string what = "TypeNameHandling other than None on 'JsonSerializerSettings'";
            const string advice = "use TypeNameHandling.None, or restrict the allowed types with an ISerializationBinder";
            return V.Analyzer(source, ReferenceSet.Libraries, null,
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(0).WithArguments(what, advice),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(1).WithArguments(what, advice),
                V.Diagnostic(Descriptors.InsecureDeserialization).WithLocation(2).WithArguments(what, advice));
        }
    }
}
