package org.attendanceoutreach.school;

/**
 * What the school knows of a student's circumstances (contract section 2, {@code context}).
 * {@code homeLanguage} is a BCP 47 tag ({@link School#isLanguageTag}), {@code en} when not given.
 * Immutable; build one by name with {@link #builder()}:
 * {@code StudentContext.builder().fosterCare(true).homeLanguage("es").build()}.
 */
public record StudentContext(boolean fosterCare, boolean iep, boolean englishLearner, String homeLanguage,
                             boolean homeless, boolean juvenileJustice, boolean newToSchool) {
    /** No flags, English at home. */
    public static final StudentContext NONE = new StudentContext(false, false, false, "en", false, false, false);

    public StudentContext {
        homeLanguage = homeLanguage == null || homeLanguage.isBlank() ? "en" : homeLanguage;
    }

    /** A builder with no flag set and English at home. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this context. */
    public Builder toBuilder() {
        return new Builder().fosterCare(fosterCare).iep(iep).englishLearner(englishLearner).homeLanguage(homeLanguage)
                .homeless(homeless).juvenileJustice(juvenileJustice).newToSchool(newToSchool);
    }

    /** Builds a {@link StudentContext} flag by flag, with the contract's names. Not thread-safe. */
    public static final class Builder {
        private boolean fosterCare;
        private boolean iep;
        private boolean englishLearner;
        private String homeLanguage = "en";
        private boolean homeless;
        private boolean juvenileJustice;
        private boolean newToSchool;

        private Builder() {
        }

        /** In foster care: the Education Decision Maker is the contact to reach. */
        public Builder fosterCare(boolean value) {
            this.fosterCare = value;
            return this;
        }

        /** Has an individualized education program. */
        public Builder iep(boolean value) {
            this.iep = value;
            return this;
        }

        public Builder englishLearner(boolean value) {
            this.englishLearner = value;
            return this;
        }

        /** The family's preferred language, a BCP 47 tag ({@code es}, {@code zh-Hant}); null is {@code en}. */
        public Builder homeLanguage(String tag) {
            this.homeLanguage = tag;
            return this;
        }

        public Builder homeless(boolean value) {
            this.homeless = value;
            return this;
        }

        public Builder juvenileJustice(boolean value) {
            this.juvenileJustice = value;
            return this;
        }

        /** New to the school this year. */
        public Builder newToSchool(boolean value) {
            this.newToSchool = value;
            return this;
        }

        public StudentContext build() {
            return new StudentContext(fosterCare, iep, englishLearner, homeLanguage, homeless, juvenileJustice, newToSchool);
        }
    }
}
