using HipaaAnalyzers.Phi;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Flow
{
    /// <summary>A PHI-bearing value found inside an expression: what it is and the operation where it enters.</summary>
    public sealed class PhiFinding
    {
        public PhiFinding(PhiMatch match, IOperation? origin, bool isWholeObject)
        {
            Match = match;
            Origin = origin;
            IsWholeObject = isWholeObject;
        }

        public PhiMatch Match { get; }

        /// <summary>The member, local, parameter or call that carries the PHI; null for a declaration (a [LoggerMessage] parameter).</summary>
        public IOperation? Origin { get; }

        /// <summary>True when the value is a whole PHI-bearing object (a Patient), not a text member.</summary>
        public bool IsWholeObject { get; }
    }
}
