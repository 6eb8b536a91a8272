package org.attendanceoutreach.school;

import java.util.Objects;

/**
 * Someone the school can reach about the student. {@code name} and {@code phone} are personal data:
 * they are never logged or put into an error message. {@code language} may be null (the student's
 * home language then applies).
 */
public record Contact(ContactRole role, String relationship, String name, String phone,
                      PhoneStatus phoneStatus, String language) {
    public Contact {
        Objects.requireNonNull(role, "role");
        phoneStatus = phoneStatus == null ? PhoneStatus.UNKNOWN : phoneStatus;
    }

    /** A number that is on file and not known to be dead. */
    public boolean hasUsablePhone() {
        return phone != null && !phone.isBlank()
                && phoneStatus != PhoneStatus.DISCONNECTED && phoneStatus != PhoneStatus.WRONG_NUMBER;
    }

    @Override
    public String toString() {
        return "Contact[role=" + role + ", phoneStatus=" + phoneStatus + ", language=" + language + "]";
    }
}
