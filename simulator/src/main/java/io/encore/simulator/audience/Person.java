package io.encore.simulator.audience;

import java.util.List;

/**
 * The contact details of a guest, as a CRM would hold them. Fictional; e-mail addresses use the reserved
 * example domains.
 *
 * @param email    null when the hall has no e-mail (box office guests without one)
 * @param address  null when unknown
 * @param language preferred language, {@code da} or {@code en}
 */
public record Person(String firstName, String lastName, String email, Address address, String language) {

    /** A Danish postal address. */
    public record Address(List<String> lines, String postalCode, String city, String country) {

        public Address {
            lines = List.copyOf(lines);
        }
    }
}
