using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaAnalyzers.Configuration
{
    /// <summary>Options per syntax tree, read once per compilation; equal configurations share one instance.</summary>
    public sealed class OptionsCache
    {
        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<SyntaxTree, HipaaOptions> _byTree = new ConcurrentDictionary<SyntaxTree, HipaaOptions>();
        private readonly ConcurrentDictionary<HipaaOptions, HipaaOptions> _interned = new ConcurrentDictionary<HipaaOptions, HipaaOptions>();

        public OptionsCache(AnalyzerOptions options)
        {
            _provider = options.AnalyzerConfigOptionsProvider;
        }

        public HipaaOptions Global => _global ??= Intern(HipaaOptions.Read(_provider.GlobalOptions));

        private HipaaOptions? _global;

        public HipaaOptions For(SyntaxTree? tree)
        {
            if (tree is null)
            {
                return Global;
            }

            return _byTree.GetOrAdd(tree, t => Intern(HipaaOptions.Read(_provider.GetOptions(t))));
        }

        private HipaaOptions Intern(HipaaOptions options) => _interned.GetOrAdd(options, options);
    }
}
