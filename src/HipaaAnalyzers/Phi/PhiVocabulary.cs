using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace HipaaAnalyzers.Phi
{
    /// <summary>
    /// The identifier vocabulary: HIPAA Safe Harbor identifier families (45 CFR 164.514(b)(2)) plus clinical
    /// content, as whole-word phrases. One table so that docs/phi-classifier.md and the tests follow it.
    /// </summary>
    public static class PhiVocabulary
    {
        /// <summary>One phrase: consecutive words, the kind it means, and whether it needs a person or clinical context.</summary>
        public sealed class Phrase
        {
            public Phrase(string kind, bool needsContext, string[] words)
            {
                Kind = kind;
                NeedsContext = needsContext;
                Words = words;
            }

            public string Kind { get; }

            public bool NeedsContext { get; }

            public string[] Words { get; }
        }

        public static readonly ImmutableArray<Phrase> Phrases = Build(
            // Names: explicit person-name parts anywhere, a bare "name" only in a person-like context.
            "name: first name | last name | full name | given name | family name | middle name | maiden name | legal name"
            + " | firstname | lastname | fullname | givenname | familyname | middlename | surname | patient name"
            + " | beneficiary name | subscriber name | insured name | guardian name | mother name | father name",
            "name?: name | names",
            "address: home address | street address | mailing address | residential address | billing address"
            + " | shipping address | postal address | physical address | patient address | address line | street"
            + " | street name | addr line",
            "address?: address | addresses | city | county | town | apartment | suite",
            "geographic: zip | zipcode | zip code | postal code | postalcode | postcode | post code",
            "dateOfBirth: birth date | birthdate | date of birth | dob | dateofbirth | birth day",
            "dateOfBirth?: birthday | born",
            "date: admission date | admit date | admitted date | discharge date | discharged date | death date"
            + " | date of death | deceased date | date of service | service date | visit date | admitted at"
            + " | discharged at | date of admission | date of discharge",
            "phone: phone | phones | telephone | phone number | phone numbers | phonenumber | mobile number | mobile phone | cell phone"
            + " | cellphone | home phone | work phone",
            "phone?: mobile | cell | tel",
            "fax: fax | fax number",
            "email: email | emails | e mail | email address | email addresses | emailaddress | mail address",
            "ssn: ssn | ssns | social security | social security number | socialsecuritynumber",
            "mrn: mrn | mrns | medical record number | medical record no | medicalrecordnumber | chart number | medical record id",
            "healthPlanId: member id | member number | memberid | subscriber id | subscriber number | beneficiary id"
            + " | beneficiary number | insurance id | insurance number | policy number | health plan id"
            + " | medicaid id | medicaid number | medicare id | medicare number | mbi",
            "accountNumber: account number | account no | accountnumber | bank account | iban"
            + " | card number | credit card | creditcard | cardnumber",
            "licenseNumber: license number | licence number | driver license | drivers license | driving licence"
            + " | certificate number | passport number",
            "licenseNumber?: passport",
            "vehicleId: vin | license plate | licence plate | plate number | vehicle id | vehicle identification",
            "deviceId: device serial | device serial number | udi | imei | device identifier",
            "deviceId?: serial number | serialnumber | mac address",
            "ipAddress?: ip address | ipaddress | ip",
            "biometric: biometric | biometrics | fingerprint | fingerprints | retina | retina scan | iris scan"
            + " | voiceprint | voice print | face template | facial geometry",
            "photo?: photo | photos | photograph | headshot | facial image | portrait | selfie",
            "diagnosis: diagnosis | diagnoses | icd | icd code | dx code",
            "diagnosis?: dx",
            "procedure: cpt | cpt code | procedure code | hcpcs",
            "procedure?: procedure | procedures | surgery | treatment | treatments",
            "condition: medical condition | health condition | chronic condition | medical conditions | health conditions"
            + " | chronic conditions | pre existing condition"
            + " | preexisting condition | comorbidity | comorbidities | symptom | symptoms | chief complaint",
            "condition?: condition | conditions | problem list",
            "medication: medication | medications | prescription | prescriptions | dosage",
            "medication?: rx | meds | drug | drugs | drug name",
            "allergy: allergy | allergies | allergen | allergens",
            "labResult: lab result | lab results | lab value | lab values"
            + " | blood type | blood pressure | glucose | hba 1 c | vitals | vital signs | hiv status",
            "labResult?: results | result value | test result | test results",
            "clinicalNote: clinical note | clinical notes | progress note | progress notes | soap note"
            + " | discharge summary | care plan | medical history | health history | psych notes"
            + " | therapy notes",
            "clinicalNote?: notes | note | history | assessment");

        /// <summary>Words that make the identifier a setting, flag, count or helper about the data, not the data.</summary>
        public static readonly HashSet<string> NonValueWords = Set(
            "count counts length len template templates format formatter formats pattern patterns regex regexp label"
            + " labels enabled disabled enable disable settings setting options option config configuration service"
            + " services provider providers client factory validator validation validate type types kind field fields"
            + " column columns placeholder prefix suffix required valid invalid changed flag flags hint error"
            + " errors exists visible header headers index max min limit hashed hash masked mask redacted encrypted"
            + " is has should can show allow use include subject body sender queue sent notification notifications"
            + " button file files archive stream entry entries directory folder extension size width height total"
            + " num enum attribute converter handler controller repository repo manager builder mapper helper util"
            + " utils parser generator schema selector confirmed verified verification token hashcode key keys"
            + " lookup regexes rule rules style class css prompt caption title resource tooltip uri url"
            + " link endpoint route path editor input dialog form view modal page tab menu icon color colour"
            + " separator delimiter culture locale timezone cache prop property properties descriptor info"
            + " metadata mapping map code_gen checker check checks compare comparer equality sort order by"
            + " capability capabilities support supported feature features stored sp app apps");

        /// <summary>Words that make an identifier, or the type declaring a member, about a person (Patient.Name, EmergencyContact.Phone).</summary>
        public static readonly HashSet<string> PersonWords = Set(
            "patient patients person persons people member members beneficiary beneficiaries enrollee enrollees guarantor"
            + " insured dependent dependents caregiver guardian relatedperson contact contacts emergency kin demographics"
            + " demographic applicant applicants humanname pid subscriber");

        /// <summary>Words that make an identifier, or the type declaring a member, clinical (Encounter.Notes, Visit.Condition).</summary>
        public static readonly HashSet<string> ClinicalWords = Set(
            "encounter encounters visit visits admission admissions diagnosis diagnoses observation observations medical"
            + " clinical prescription prescriptions medication medications allergy allergies immunization immunizations"
            + " vital vitals discharge");

        /// <summary>Kinds whose context-only phrases accept a clinical context as well as a person context.</summary>
        public static readonly HashSet<string> ClinicalKinds = Set("condition procedure clinicalNote labResult diagnosis medication");

        /// <summary>
        /// Kinds that, on a member, are PHI only when the declaring type (or the member's own name) is about a person:
        /// a clinic's phone, a warehouse's street and a provider's licence number are business data.
        /// </summary>
        public static readonly HashSet<string> PersonOnlyMemberKinds = Set("address geographic phone fax email licenseNumber");

        /// <summary>Words in a type name that make it a data type about a patient (its instances are PHI).</summary>
        public static readonly HashSet<string> PatientTypeWords = Set(
            "patient patients beneficiary beneficiaries subscriber enrollee encounter diagnosis diagnoses"
            + " prescription prescriptions medicalrecord healthrecord ehr emr demographics");

        /// <summary>A type whose name ends with one of these is a service or a key around patient data, not the data.</summary>
        public static readonly HashSet<string> NonDataTypeSuffixes = Set(
            "service services controller controllers repository repo context dbcontext factory handler handlers"
            + " options settings client validator mapper mappers logger builder provider manager exception attribute"
            + " extensions extension helper helpers configuration config module hub middleware filter policy"
            + " requirement id ids key keys status type types kind kinds count counts endpoints endpoint api store"
            + " cache queue reader writer parser serializer converter comparer generator seeder migration"
            + " tests test spec fixture specs source sources events log logs metrics job jobs importer exporter import"
            + " export worker task processor publisher transformer check probe plan series environment catalog template");

        private static ImmutableArray<Phrase> Build(params string[] lines)
        {
            var builder = ImmutableArray.CreateBuilder<Phrase>();
            foreach (var line in lines)
            {
                var colon = line.IndexOf(':');
                var kind = line.Substring(0, colon).Trim();
                var needsContext = kind.EndsWith("?", StringComparison.Ordinal);
                kind = kind.TrimEnd('?');
                foreach (var phrase in line.Substring(colon + 1).Split('|'))
                {
                    var words = phrase.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                    builder.Add(new Phrase(kind, needsContext, words));
                }
            }

            // Longest phrase first so that "email address" wins over "address".
            builder.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
            return builder.ToImmutable();
        }

        private static HashSet<string> Set(string words) =>
            new HashSet<string>(words.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }
}
