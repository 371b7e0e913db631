using System.Threading;
using Xunit.Abstractions;

namespace HipaaAnalyzers.Tests.Reliability
{
    /// <summary>What one reliability test exercised; printed so CI logs show the suite did real work.</summary>
    internal sealed class ReliabilityStats
    {
        private int _inputs;
        private int _analyzerRuns;
        private int _exceptions;
        private int _fixesApplied;
        private int _fixesCompiled;
        private int _diagnostics;

        public int Inputs => _inputs;
        public int AnalyzerRuns => _analyzerRuns;
        public int Exceptions => _exceptions;
        public int FixesApplied => _fixesApplied;
        public int FixesCompiled => _fixesCompiled;
        public int Diagnostics => _diagnostics;

        public void Input(int analyzers, int diagnostics)
        {
            Interlocked.Increment(ref _inputs);
            Interlocked.Add(ref _analyzerRuns, analyzers);
            Interlocked.Add(ref _diagnostics, diagnostics);
        }

        public void Exception(int count) => Interlocked.Add(ref _exceptions, count);

        public void FixApplied() => Interlocked.Increment(ref _fixesApplied);

        public void FixCompiled() => Interlocked.Increment(ref _fixesCompiled);

        public void Print(ITestOutputHelper output, string name) => output.WriteLine(
            $"[reliability] {name}: inputs={Inputs} analyzerRuns={AnalyzerRuns} diagnostics={Diagnostics} "
            + $"exceptions={Exceptions} fixesApplied={FixesApplied} fixesCompiled={FixesCompiled}");
    }
}
