namespace HipaaAnalyzers.Configuration
{
    /// <summary>A malformed option value: the key and what was expected. Never the value of a secret.</summary>
    public sealed class OptionError
    {
        public OptionError(string key, string problem)
        {
            Key = key;
            Problem = problem;
        }

        public string Key { get; }

        public string Problem { get; }
    }
}
