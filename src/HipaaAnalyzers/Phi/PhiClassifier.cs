using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using HipaaAnalyzers.Configuration;
using Microsoft.CodeAnalysis;

namespace HipaaAnalyzers.Phi
{
    /// <summary>
    /// Decides whether a symbol or a type carries PHI, and which kind. Precedence: attributes, configuration,
    /// known types, identifier words. One instance per distinct configuration per compilation; results are
    /// cached per symbol, so the per-node cost is a dictionary lookup.
    /// </summary>
    public sealed class PhiClassifier
    {
        private static readonly PhiMatch NotPhi = new PhiMatch("", PhiReason.Name, "");

        private readonly HipaaOptions _options;
        private readonly INamedTypeSymbol? _dataClassificationAttribute;
        private readonly ConcurrentDictionary<ISymbol, PhiMatch> _symbols =
            new ConcurrentDictionary<ISymbol, PhiMatch>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, PhiMatch> _types =
            new ConcurrentDictionary<ITypeSymbol, PhiMatch>(SymbolEqualityComparer.Default);

        public PhiClassifier(Compilation compilation, HipaaOptions options)
        {
            _options = options;
            _dataClassificationAttribute = compilation.GetTypeByMetadataName(
                "Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute");
        }

        public HipaaOptions Options => _options;

        /// <summary>Classifies a field, property, parameter, local or method (by its return value).</summary>
        public PhiMatch? Classify(ISymbol symbol)
        {
            var match = _symbols.GetOrAdd(symbol, s => ClassifySymbolCore(s) ?? NotPhi);
            return ReferenceEquals(match, NotPhi) ? null : match;
        }

        /// <summary>Classifies a type: are its instances, as a whole, PHI (a Patient, a FHIR HumanName, a [Phi] DTO)?</summary>
        public PhiMatch? ClassifyType(ITypeSymbol type)
        {
            var element = ElementType(type);
            if (element is null)
            {
                return null;
            }

            var match = _types.GetOrAdd(element, t => ClassifyTypeCore(t) ?? NotPhi);
            return ReferenceEquals(match, NotPhi) ? null : match;
        }

        /// <summary>Name-only test, used by the docs table and tests. <paramref name="contextTypeName"/> is the type declaring the member, or null.</summary>
        public static PhiMatch? ClassifyName(string name, string? contextTypeName, HipaaOptions options)
        {
            if (options.NotPhiNames.Contains(name))
            {
                return null;
            }

            if (options.PhiNames.TryGetValue(name, out var configured))
            {
                return new PhiMatch(configured, PhiReason.Configuration, name);
            }

            var kind = KindFromWords(name, contextTypeName);
            return kind is null ? null : new PhiMatch(kind, PhiReason.Name, name);
        }

        private PhiMatch? ClassifySymbolCore(ISymbol symbol)
        {
            if (HasNotPhiAttribute(symbol) || _options.NotPhiNames.Contains(symbol.Name))
            {
                return null;
            }

            var valueType = ValueTypeOf(symbol);
            var source = Display(symbol);
            var attributeKind = AttributeKind(symbol);
            if (attributeKind is not null)
            {
                return new PhiMatch(attributeKind, PhiReason.Attribute, source);
            }

            if (_options.PhiNames.TryGetValue(symbol.Name, out var configured))
            {
                return new PhiMatch(configured, PhiReason.Configuration, source);
            }

            // Members of FHIR components: HumanName.Given, Address.City, ContactPoint.Value are all PHI text.
            if (symbol.Kind is SymbolKind.Property or SymbolKind.Field
                && symbol.ContainingType is { } owner
                && KnownPhiTypes.IsComponent(owner.ContainingNamespace?.ToDisplayString() ?? "", owner.Name)
                && IsTextLike(valueType))
            {
                return new PhiMatch(KnownPhiTypes.KindOf("Hl7.Fhir.Model", owner.Name)!, PhiReason.KnownType, source);
            }

            if (valueType is not null && ClassifyType(valueType) is { } typeMatch)
            {
                return typeMatch.WithSource(source);
            }

            if (!IsNameEvidenceType(valueType) || IsFrameworkMember(symbol))
            {
                return null;
            }

            var context = ContextTypeName(symbol);
            var kind = KindFromWords(symbol.Name, context);
            if (kind is null || !TypeFitsKind(valueType, kind))
            {
                return null;
            }

            return new PhiMatch(kind, PhiReason.Name, source);
        }

        private PhiMatch? ClassifyTypeCore(ITypeSymbol type)
        {
            if (type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate
                or TypeKind.TypeParameter or TypeKind.Error or TypeKind.Pointer or TypeKind.Dynamic)
            {
                return null;
            }

            if (HasNotPhiAttribute(type))
            {
                return null;
            }

            var display = "'" + type.Name + "'";
            if (AttributeKind(type) is { } attributeKind)
            {
                return new PhiMatch(attributeKind == "phi" ? "patientRecord" : attributeKind, PhiReason.Attribute, display);
            }

            var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
            var fullName = ns.Length == 0 ? type.Name : ns + "." + type.Name;
            foreach (var configured in _options.PhiTypes)
            {
                if (string.Equals(configured, fullName, StringComparison.Ordinal)
                    || string.Equals(configured, type.Name, StringComparison.Ordinal))
                {
                    return new PhiMatch("patientRecord", PhiReason.Configuration, display);
                }
            }

            if (KnownPhiTypes.KindOf(ns, type.Name) is { } knownKind)
            {
                return new PhiMatch(knownKind, PhiReason.KnownType, display);
            }

            if (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal)
                || type is INamedTypeSymbol { IsStatic: true })
            {
                return null;
            }

            var words = IdentifierWords.Split(type.Name);
            if (words.Length > 0 && IdentifierWords.ContainsAny(words, PhiVocabulary.PatientTypeWords)
                && !PhiVocabulary.NonDataTypeSuffixes.Contains(words[words.Length - 1]))
            {
                return new PhiMatch("patientRecord", PhiReason.KnownType, display);
            }

            return MemberEvidence(type);
        }

        /// <summary>A source type that declares a member marked PHI, or named with a strong PHI word, is PHI as a whole.</summary>
        private PhiMatch? MemberEvidence(ITypeSymbol type)
        {
            if (type.Locations.IsDefaultOrEmpty || !type.Locations[0].IsInSource)
            {
                return null;
            }

            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared || member.Kind is not (SymbolKind.Property or SymbolKind.Field))
                {
                    continue;
                }

                if (HasNotPhiAttribute(member) || _options.NotPhiNames.Contains(member.Name))
                {
                    continue;
                }

                var memberType = ValueTypeOf(member);
                var kind = AttributeKind(member);
                var reason = PhiReason.Attribute;
                if (kind is null && _options.PhiNames.TryGetValue(member.Name, out var configured))
                {
                    kind = configured;
                    reason = PhiReason.Configuration;
                }

                if (kind is null && IsNameEvidenceType(memberType))
                {
                    var byName = KindFromWords(member.Name, type.Name);
                    if (byName is not null && TypeFitsKind(memberType, byName))
                    {
                        kind = byName;
                        reason = PhiReason.Name;
                    }
                }

                if (kind is not null)
                {
                    return new PhiMatch(kind, reason, "'" + type.Name + "' (member '" + member.Name + "')");
                }
            }

            return null;
        }

        /// <summary>
        /// Matches the identifier's words against the vocabulary. <paramref name="declaringTypeName"/> is the type that
        /// declares a member; it is null for locals and parameters, whose own name must then carry any context.
        /// </summary>
        internal static string? KindFromWords(string identifier, string? declaringTypeName)
        {
            var words = IdentifierWords.Split(identifier);
            if (words.Length == 0 || IdentifierWords.ContainsAny(words, PhiVocabulary.NonValueWords))
            {
                return null;
            }

            var person = IdentifierWords.ContainsAny(words, PhiVocabulary.PersonWords) || IsPersonType(declaringTypeName);
            var clinical = person || IdentifierWords.ContainsAny(words, PhiVocabulary.ClinicalWords) || IsClinicalType(declaringTypeName);
            foreach (var phrase in PhiVocabulary.Phrases)
            {
                if (!Contains(words, phrase.Words))
                {
                    continue;
                }

                var clinicalKind = PhiVocabulary.ClinicalKinds.Contains(phrase.Kind);
                if (phrase.NeedsContext && !(clinicalKind ? clinical : person))
                {
                    continue;
                }

                if (declaringTypeName is not null && !person && PhiVocabulary.PersonOnlyMemberKinds.Contains(phrase.Kind))
                {
                    continue;
                }

                return phrase.Kind;
            }

            return null;
        }

        /// <summary>A data type about a person: a person word in its name, and not a service or job around such data.</summary>
        internal static bool IsPersonType(string? typeName) => IsDataTypeWith(typeName, PhiVocabulary.PersonWords);

        internal static bool IsClinicalType(string? typeName) => IsDataTypeWith(typeName, PhiVocabulary.ClinicalWords);

        private static bool IsDataTypeWith(string? typeName, HashSet<string> vocabulary)
        {
            if (typeName is null)
            {
                return false;
            }

            var words = IdentifierWords.Split(typeName);
            return words.Length > 0 && IdentifierWords.ContainsAny(words, vocabulary)
                && !PhiVocabulary.NonDataTypeSuffixes.Contains(words[words.Length - 1]);
        }

        private static bool Contains(ImmutableArray<string> words, string[] phrase)
        {
            for (var start = 0; start + phrase.Length <= words.Length; start++)
            {
                var matched = true;
                for (var i = 0; i < phrase.Length && matched; i++)
                {
                    matched = words[start + i] == phrase[i];
                }

                if (matched)
                {
                    return true;
                }
            }

            return false;
        }

        private string? AttributeKind(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (attributeClass is null)
                {
                    continue;
                }

                var name = attributeClass.Name;
                if (name.EndsWith("Attribute", StringComparison.Ordinal))
                {
                    name = name.Substring(0, name.Length - "Attribute".Length);
                }

                if (name is "Phi" or "ProtectedHealthInformation" or "PersonalData" or "ProtectedPersonalData"
                    || name.StartsWith("Sensitive", StringComparison.Ordinal)
                    || InheritsFrom(attributeClass, _dataClassificationAttribute))
                {
                    foreach (var argument in attribute.ConstructorArguments)
                    {
                        if (argument.Value is string text && OptionsKind(text) is { } explicitKind)
                        {
                            return explicitKind;
                        }
                    }

                    return KindFromWords(symbol.Name, ContextTypeName(symbol)) ?? "phi";
                }
            }

            return null;
        }

        private static string? OptionsKind(string text) => HipaaOptions.IsIdentifier(text) ? text : null;

        private static bool HasNotPhiAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name is "NotPhi" or "NotPhiAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InheritsFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Framework members (MemberInfo.Name, Uri.Host) describe the program, not a person: no name evidence.</summary>
        private static bool IsFrameworkMember(ISymbol symbol)
        {
            if (symbol.Kind is not (SymbolKind.Property or SymbolKind.Field or SymbolKind.Method))
            {
                return false;
            }

            var ns = symbol.ContainingType?.ContainingNamespace?.ToDisplayString() ?? "";
            return ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal);
        }

        /// <summary>The declaring type of a member; locals and parameters take no context from the type they sit in.</summary>
        private static string? ContextTypeName(ISymbol symbol) =>
            symbol is IParameterSymbol or ILocalSymbol ? null : symbol.ContainingType?.Name;

        internal static ITypeSymbol? ValueTypeOf(ISymbol symbol) => symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IParameterSymbol parameter => parameter.Type,
            ILocalSymbol local => local.Type,
            IMethodSymbol method => UnwrapTask(method.ReturnType),
            _ => null,
        };

        private static ITypeSymbol UnwrapTask(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && (named.Name is "Task" or "ValueTask") ? named.TypeArguments[0] : type;

        /// <summary>Strips nullable, arrays and single-argument generic collections down to the element type.</summary>
        private static ITypeSymbol? ElementType(ITypeSymbol type)
        {
            for (var depth = 0; depth < 4; depth++)
            {
                switch (type)
                {
                    case IArrayTypeSymbol array:
                        type = array.ElementType;
                        continue;
                    case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
                        when named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                            || named.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic"
                                or "System.Collections.Immutable" or "System.Collections.ObjectModel" or "System.Threading.Tasks":
                        type = named.TypeArguments[0];
                        continue;
                }

                return type;
            }

            return type;
        }

        /// <summary>Booleans, delegates and enums are never PHI by their name (IsEmailConfirmed, HasAllergy).</summary>
        private static bool IsNameEvidenceType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return true;
            }

            var element = ElementType(type) ?? type;
            return element.SpecialType != SpecialType.System_Boolean
                && element.TypeKind is not (TypeKind.Delegate or TypeKind.Enum);
        }

        /// <summary>Numbers can be identifiers (SSN, MRN, ZIP) or lab values but not names; dates are only date kinds.</summary>
        private static bool TypeFitsKind(ITypeSymbol? type, string kind)
        {
            if (type is null)
            {
                return true;
            }

            var element = ElementType(type) ?? type;
            if (IsNumeric(element.SpecialType))
            {
                return kind is "ssn" or "mrn" or "healthPlanId" or "accountNumber" or "licenseNumber" or "phone" or "fax"
                    or "geographic" or "deviceId" or "vehicleId" or "labResult" or "custom";
            }

            if (element.SpecialType == SpecialType.System_DateTime || element.Name is "DateTimeOffset" or "DateOnly")
            {
                return kind is "dateOfBirth" or "date" or "custom";
            }

            return true;
        }

        private static bool IsTextLike(ITypeSymbol? type)
        {
            var element = type is null ? null : ElementType(type);
            return element is null || element.SpecialType == SpecialType.System_String || element.Name is "FhirString";
        }

        private static bool IsNumeric(SpecialType type) => type is SpecialType.System_Int16 or SpecialType.System_Int32
            or SpecialType.System_Int64 or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64
            or SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single;

        /// <summary>How a symbol is named in messages: Type.Member for members, the bare name for locals and parameters.</summary>
        public static string Display(ISymbol symbol) => symbol switch
        {
            IParameterSymbol => "parameter '" + symbol.Name + "'",
            ILocalSymbol => "local '" + symbol.Name + "'",
            _ when symbol.ContainingType is { } type => "'" + type.Name + "." + symbol.Name + "'",
            _ => "'" + symbol.Name + "'",
        };
    }
}
