using HipaaAnalyzers.Configuration;
using HipaaAnalyzers.Phi;
using Xunit;

namespace HipaaAnalyzers.Tests.Phi
{
    /// <summary>The identifier table of the PHI classifier, both ways. Context is the enclosing type's name.</summary>
    public class PhiClassifierNameTests
    {
        [Theory]
        // Names
        [InlineData("FirstName", null, "name")]
        [InlineData("last_name", null, "name")]
        [InlineData("patientFullName", null, "name")]
        [InlineData("GivenName", null, "name")]
        [InlineData("Surname", null, "name")]
        [InlineData("MaidenName", null, "name")]
        [InlineData("Name", "Patient", "name")]
        [InlineData("name", "EmergencyContact", "name")]
        [InlineData("Names", "Beneficiary", "name")]
        // Geography
        [InlineData("HomeAddress", null, "address")]
        [InlineData("StreetAddress", null, "address")]
        [InlineData("AddressLine1", null, "address")]
        [InlineData("Street", null, "address")]
        [InlineData("Address", "PatientDto", "address")]
        [InlineData("City", "Patient", "address")]
        [InlineData("ZipCode", null, "geographic")]
        [InlineData("zip", null, "geographic")]
        [InlineData("PostalCode", null, "geographic")]
        // Dates tied to a person
        [InlineData("DateOfBirth", null, "dateOfBirth")]
        [InlineData("dob", null, "dateOfBirth")]
        [InlineData("BirthDate", null, "dateOfBirth")]
        [InlineData("birthdate", null, "dateOfBirth")]
        [InlineData("Birthday", "Member", "dateOfBirth")]
        [InlineData("AdmissionDate", null, "date")]
        [InlineData("DischargeDate", null, "date")]
        [InlineData("DateOfDeath", null, "date")]
        // Contact
        [InlineData("PhoneNumber", null, "phone")]
        [InlineData("mobile_phone", null, "phone")]
        [InlineData("Telephone", null, "phone")]
        [InlineData("Mobile", "Patient", "phone")]
        [InlineData("FaxNumber", null, "fax")]
        [InlineData("Email", null, "email")]
        [InlineData("emailAddress", null, "email")]
        [InlineData("EMail", null, "email")]
        // Identifiers
        [InlineData("Ssn", null, "ssn")]
        [InlineData("SSN", null, "ssn")]
        [InlineData("patientSSN", null, "ssn")]
        [InlineData("SocialSecurityNumber", null, "ssn")]
        [InlineData("Mrn", null, "mrn")]
        [InlineData("MedicalRecordNumber", null, "mrn")]
        [InlineData("MemberId", null, "healthPlanId")]
        [InlineData("subscriber_id", null, "healthPlanId")]
        [InlineData("PolicyNumber", null, "healthPlanId")]
        [InlineData("MedicareNumber", null, "healthPlanId")]
        [InlineData("AccountNumber", null, "accountNumber")]
        [InlineData("CreditCardNumber", null, "accountNumber")]
        [InlineData("DriverLicenseNumber", null, "licenseNumber")]
        [InlineData("PassportNumber", null, "licenseNumber")]
        [InlineData("Vin", null, "vehicleId")]
        [InlineData("LicensePlate", null, "vehicleId")]
        [InlineData("DeviceSerialNumber", null, "deviceId")]
        [InlineData("Imei", null, "deviceId")]
        [InlineData("SerialNumber", "PatientDevice", "deviceId")]
        [InlineData("IpAddress", "Patient", "ipAddress")]
        [InlineData("Fingerprint", null, "biometric")]
        [InlineData("Photo", "Patient", "photo")]
        // Clinical content
        [InlineData("Diagnosis", null, "diagnosis")]
        [InlineData("PrimaryDiagnoses", null, "diagnosis")]
        [InlineData("IcdCode", null, "diagnosis")]
        [InlineData("ICD10Code", null, "diagnosis")]
        [InlineData("CptCode", null, "procedure")]
        [InlineData("Condition", "Patient", "condition")]
        [InlineData("ChronicConditions", null, "condition")]
        [InlineData("Symptoms", null, "condition")]
        [InlineData("Medications", null, "medication")]
        [InlineData("Prescription", null, "medication")]
        [InlineData("Allergies", null, "allergy")]
        [InlineData("LabResults", null, "labResult")]
        [InlineData("BloodPressure", null, "labResult")]
        [InlineData("ClinicalNotes", null, "clinicalNote")]
        [InlineData("ProgressNote", null, "clinicalNote")]
        [InlineData("Notes", "Encounter", "clinicalNote")]
        public void Phi_names(string identifier, string? context, string kind)
        {
            var match = PhiClassifier.ClassifyName(identifier, context, HipaaOptions.Default);
            Assert.NotNull(match);
            Assert.Equal(kind, match!.Kind);
            Assert.Equal(PhiReason.Name, match.Reason);
        }

        [Theory]
        [InlineData("zipFile", null)]
        [InlineData("ZipArchive", null)]
        [InlineData("addressable", null)]
        [InlineData("emailTemplate", null)]
        [InlineData("EmailSubject", null)]
        [InlineData("emailService", null)]
        [InlineData("diagnosticsEnabled", null)]
        [InlineData("Diagnostics", null)]
        [InlineData("patientCount", null)]
        [InlineData("PatientId", null)]
        [InlineData("patient_id", null)]
        [InlineData("BirthdayCakeRecipe", "Bakery")]
        [InlineData("Name", "Product")]
        [InlineData("name", null)]
        [InlineData("FileName", null)]
        [InlineData("DisplayName", "Settings")]
        [InlineData("Address", "Warehouse")]
        [InlineData("BaseAddress", null)]
        [InlineData("city", "WeatherForecast")]
        [InlineData("Condition", "RetryPolicy")]
        [InlineData("condition", null)]
        [InlineData("StoredProcedure", "PatientRepository")]
        [InlineData("IsEmailValid", null)]
        [InlineData("HasAllergyFlag", null)]
        [InlineData("maxAddressLength", null)]
        [InlineData("PhoneNumberFormat", null)]
        [InlineData("SsnRegex", null)]
        [InlineData("DobLabel", null)]
        [InlineData("EmailConfirmed", null)]
        [InlineData("Photographer", null)]
        [InlineData("Notes", "ReleaseNotes")]
        [InlineData("History", "BrowserSession")]
        [InlineData("dx", "Vector")]
        [InlineData("Rx", "Observable")]
        [InlineData("SerialNumber", "Certificate")]
        [InlineData("ip", "Server")]
        [InlineData("mobile", "AppInfo")]
        [InlineData("Passport", "AuthStrategy")]
        [InlineData("Results", "SearchPage")]
        public void Not_phi_names(string identifier, string? context)
        {
            Assert.Null(PhiClassifier.ClassifyName(identifier, context, HipaaOptions.Default));
        }

        [Theory]
        [InlineData("DateOfBirth", new[] { "date", "of", "birth" })]
        [InlineData("patientSSN", new[] { "patient", "ssn" })]
        [InlineData("ICD10Code", new[] { "icd", "10", "code" })]
        [InlineData("zip_code", new[] { "zip", "code" })]
        [InlineData("XMLHttpRequest", new[] { "xml", "http", "request" })]
        [InlineData("_mrn", new[] { "mrn" })]
        public void Splits_identifiers_into_words(string identifier, string[] words)
        {
            Assert.Equal(words, IdentifierWords.Split(identifier));
        }
    }
}
