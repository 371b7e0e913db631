using System.Threading.Tasks;
using HipaaAnalyzers.Diagnostics;
using HipaaAnalyzers.Tests.Infrastructure;
using Xunit;
using V = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.ShortKeyAnalyzer>;
using VF = HipaaAnalyzers.Tests.Infrastructure.Verify<HipaaAnalyzers.Rules.Cryptography.ShortKeyAnalyzer, HipaaAnalyzers.CodeFixes.Rules.Cryptography.ShortKeyCodeFixProvider>;

namespace HipaaAnalyzers.Tests.Rules.Cryptography
{
    [Trait("Rule", "HIPAA204")]
    public class ShortKeyTests
    {
        [Fact]
        public Task Flags_short_rsa_dsa_and_ec_keys()
        {
            const string source = """
                using System.Security.Cryptography;
                #pragma warning disable CA1416
                public class Keys
                {
                    private const int LegacyBits = 1024;
                    public RSA A() => RSA.Create({|#0:1024|});
                    public RSA B() => new RSACryptoServiceProvider({|#1:LegacyBits|});
                    public DSA C() => DSA.Create({|#2:1024|});
                    public void D(RSA rsa) { rsa.KeySize = {|#3:512|}; }
                    public RSA E() => new RSACryptoServiceProvider { KeySize = {|#4:1536|} };
                    public ECDsa F() => ECDsa.Create({|#5:ECCurve.NamedCurves.brainpoolP224r1|});
                    public ECCurve G() => ECCurve.CreateFromFriendlyName({|#6:"secp192r1"|});
                    public RSA H() => {|#7:new RSACryptoServiceProvider()|};
                }
                """;
            return V.Analyzer(source, ReferenceSet.Net, null,
                V.Diagnostic(Descriptors.ShortKey).WithLocation(0).WithArguments("RSA.Create", "RSA", 1024, 2048, "3072 bits"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(1).WithArguments("new RSACryptoServiceProvider", "RSA", 1024, 2048, "3072 bits"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(2).WithArguments("DSA.Create", "DSA", 1024, 2048, "3072 bits"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(3).WithArguments("RSA.KeySize", "RSA", 512, 2048, "3072 bits"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(4).WithArguments("RSACryptoServiceProvider.KeySize", "RSA", 1536, 2048, "3072 bits"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(5).WithArguments("ECCurve.NamedCurves.brainpoolP224r1", "an elliptic curve", 224, 256, "ECCurve.NamedCurves.nistP256 or larger"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(6).WithArguments("ECCurve.CreateFromFriendlyName", "an elliptic curve", 192, 256, "ECCurve.NamedCurves.nistP256 or larger"),
                V.Diagnostic(Descriptors.ShortKey).WithLocation(7).WithArguments("new RSACryptoServiceProvider", "RSA", 1024, 2048, "3072 bits"));
        }

        [Fact]
        public Task Does_not_flag_strong_keys_or_imported_keys()
        {
            const string source = """
                using System.Security.Cryptography;
                using System.Security.Cryptography.X509Certificates;
                #pragma warning disable CA1416
                public class Keys
                {
                    public RSA A() => RSA.Create(3072);
                    public RSA B() => RSA.Create();
                    public ECDsa C() => ECDsa.Create(ECCurve.NamedCurves.nistP256);
                    public ECDsa D() => ECDsa.Create(ECCurve.NamedCurves.brainpoolP384r1);
                    public RSA E(string pem) { var rsa = RSA.Create(1024); rsa.ImportFromPem(pem); return rsa; }
                    public RSA F(string xml) { using var rsa = new RSACryptoServiceProvider(1024); rsa.FromXmlString(xml); return RSA.Create(4096); }
                    public RSA? G(X509Certificate2 cert) => cert.GetRSAPublicKey();
                    public int H(RSA rsa) => rsa.KeySize < 2048 ? 1024 : rsa.KeySize;
                    public ECCurve I() => ECCurve.CreateFromFriendlyName("secp256k1");
                    public Aes J() { var aes = Aes.Create(); aes.KeySize = 128; return aes; }
                    public RSA K(string xml) { var rsa = new RSACryptoServiceProvider(); rsa.FromXmlString(xml); return rsa; }
                    public RSA L(CspParameters container) => new RSACryptoServiceProvider(container);
                    public RSA M() => RSA.Create(-1);
                }
                public sealed class PemSigner
                {
                    private readonly RSACryptoServiceProvider _rsa = new RSACryptoServiceProvider();
                    public PemSigner(string pem) => _rsa.ImportFromPem(pem);
                }
                public sealed class XmlSigner
                {
                    private readonly RSACryptoServiceProvider _rsa;
                    public XmlSigner(string xml) { _rsa = new RSACryptoServiceProvider(); this._rsa.FromXmlString(xml); }
                }
                """;
            return V.NoDiagnostic(source, ReferenceSet.Net);
        }

        [Fact]
        public Task Fix_raises_the_size_and_fix_all_covers_the_file()
        {
            const string source = """
                using System.Security.Cryptography;
                public class Keys
                {
                    public RSA A() => RSA.Create({|#0:1024|});
                    public void B(DSA dsa) { dsa.KeySize = {|#1:1024|}; }
                    public ECDsa C() => ECDsa.Create({|#2:ECCurve.NamedCurves.brainpoolP160r1|});
                    public ECCurve D() => ECCurve.CreateFromFriendlyName({|#3:"secp224r1"|});
                    public RSA E() => {|#4:new RSACryptoServiceProvider()|};
                }
                """;
            const string fixedSource = """
                using System.Security.Cryptography;
                public class Keys
                {
                    public RSA A() => RSA.Create(3072);
                    public void B(DSA dsa) { dsa.KeySize = 3072; }
                    public ECDsa C() => ECDsa.Create(ECCurve.NamedCurves.nistP256);
                    public ECCurve D() => ECCurve.CreateFromFriendlyName("nistP256");
                    public RSA E() => new RSACryptoServiceProvider(3072);
                }
                """;
            return VF.Fix(source, fixedSource, ReferenceSet.Net, null, 0, null,
                VF.Diagnostic(Descriptors.ShortKey).WithLocation(0).WithArguments("RSA.Create", "RSA", 1024, 2048, "3072 bits"),
                VF.Diagnostic(Descriptors.ShortKey).WithLocation(1).WithArguments("DSA.KeySize", "DSA", 1024, 2048, "3072 bits"),
                VF.Diagnostic(Descriptors.ShortKey).WithLocation(2).WithArguments("ECCurve.NamedCurves.brainpoolP160r1", "an elliptic curve", 160, 256, "ECCurve.NamedCurves.nistP256 or larger"),
                VF.Diagnostic(Descriptors.ShortKey).WithLocation(3).WithArguments("ECCurve.CreateFromFriendlyName", "an elliptic curve", 224, 256, "ECCurve.NamedCurves.nistP256 or larger"),
                VF.Diagnostic(Descriptors.ShortKey).WithLocation(4).WithArguments("new RSACryptoServiceProvider", "RSA", 1024, 2048, "3072 bits"));
        }
    }
}
