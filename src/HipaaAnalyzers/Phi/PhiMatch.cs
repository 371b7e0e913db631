namespace HipaaAnalyzers.Phi
{
    /// <summary>Why a value was judged PHI, in the classifier's order of precedence.</summary>
    public enum PhiReason
    {
        Attribute,
        Configuration,
        KnownType,
        Name,
    }

    /// <summary>The outcome of classifying one symbol or type: the PHI kind (e.g. "ssn") and why.</summary>
    public sealed class PhiMatch
    {
        public PhiMatch(string kind, PhiReason reason, string source)
        {
            Kind = kind;
            Reason = reason;
            Source = source;
        }

        /// <summary>Stable, machine-readable kind such as <c>ssn</c>, <c>dateOfBirth</c>, <c>diagnosis</c>.</summary>
        public string Kind { get; }

        public PhiReason Reason { get; }

        /// <summary>The symbol that carries the PHI, as shown in messages (e.g. <c>Patient.Ssn</c>). Never a value.</summary>
        public string Source { get; }

        public string ReasonText => Reason switch
        {
            PhiReason.Attribute => "attribute",
            PhiReason.Configuration => "configuration",
            PhiReason.KnownType => "type",
            _ => "name",
        };

        public PhiMatch WithSource(string source) => new PhiMatch(Kind, Reason, source);

        public override string ToString() => Source + " (" + Kind + ", by " + ReasonText + ")";
    }
}
