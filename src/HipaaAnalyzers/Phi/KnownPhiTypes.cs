using System.Collections.Generic;

namespace HipaaAnalyzers.Phi
{
    /// <summary>Library types whose instances are PHI: Firely FHIR model types and NHapi HL7 v2 segments.</summary>
    internal static class KnownPhiTypes
    {
        private static readonly Dictionary<string, string> Fhir = new Dictionary<string, string>
        {
            ["Patient"] = "patientRecord",
            ["RelatedPerson"] = "patientRecord",
            ["HumanName"] = "name",
            ["Address"] = "address",
            ["ContactPoint"] = "phone",
            ["Observation"] = "labResult",
            ["DiagnosticReport"] = "labResult",
            ["Specimen"] = "labResult",
            ["Condition"] = "condition",
            ["FamilyMemberHistory"] = "condition",
            ["AllergyIntolerance"] = "allergy",
            ["Procedure"] = "procedure",
            ["MedicationRequest"] = "medication",
            ["MedicationStatement"] = "medication",
            ["MedicationAdministration"] = "medication",
            ["MedicationDispense"] = "medication",
            ["Immunization"] = "medication",
            ["Encounter"] = "patientRecord",
            ["EpisodeOfCare"] = "patientRecord",
            ["CarePlan"] = "clinicalNote",
            ["DocumentReference"] = "clinicalNote",
            ["Composition"] = "clinicalNote",
            ["QuestionnaireResponse"] = "clinicalNote",
            ["ServiceRequest"] = "procedure",
            ["Claim"] = "healthPlanId",
            ["ClaimResponse"] = "healthPlanId",
            ["Coverage"] = "healthPlanId",
            ["ExplanationOfBenefit"] = "healthPlanId",
            ["Consent"] = "patientRecord",
        };

        private static readonly Dictionary<string, string> Hl7V2Segments = new Dictionary<string, string>
        {
            ["PID"] = "patientRecord",
            ["PD1"] = "patientRecord",
            ["NK1"] = "name",
            ["PV1"] = "patientRecord",
            ["PV2"] = "patientRecord",
            ["IN1"] = "healthPlanId",
            ["IN2"] = "healthPlanId",
            ["GT1"] = "patientRecord",
            ["DG1"] = "diagnosis",
            ["AL1"] = "allergy",
            ["OBX"] = "labResult",
            ["MRG"] = "mrn",
        };

        public static string? KindOf(string containingNamespace, string name)
        {
            if (containingNamespace == "Hl7.Fhir.Model" && Fhir.TryGetValue(name, out var kind))
            {
                return kind;
            }

            if (containingNamespace.StartsWith("NHapi.Model.", System.StringComparison.Ordinal)
                && Hl7V2Segments.TryGetValue(name, out kind))
            {
                return kind;
            }

            return null;
        }

        /// <summary>Component types whose every text member carries the component's kind (HumanName.Given is a name).</summary>
        public static bool IsComponent(string containingNamespace, string name) =>
            containingNamespace == "Hl7.Fhir.Model" && (name == "HumanName" || name == "Address" || name == "ContactPoint");
    }
}
