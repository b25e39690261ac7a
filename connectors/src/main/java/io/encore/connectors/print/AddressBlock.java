package io.encore.connectors.print;

import java.util.ArrayList;
import java.util.List;
import java.util.IllformedLocaleException;
import java.util.Locale;

import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintSend;

/**
 * The lines of the recipient's address as printed in the envelope window: the name, the street lines,
 * postal code and city, the region when given, and the country in English capitals when it is not the
 * home country (the posting country's mail needs no country line). Blank values print no line.
 */
final class AddressBlock {

    private AddressBlock() {
    }

    static List<String> lines(PrintSend send, String homeCountry) {
        PostalAddress address = send.getPostalAddress();
        List<String> lines = new ArrayList<>();
        String name = recipientName(send);
        if (!name.isEmpty()) {
            lines.add(name);
        }
        address.getLines().stream().filter(line -> line != null && !line.isBlank()).map(String::trim).forEach(lines::add);
        lines.add((address.getPostalCode().trim() + " " + address.getCity().trim()).trim());
        if (address.getRegion() != null && !address.getRegion().isBlank()) {
            lines.add(address.getRegion().trim());
        }
        String country = address.getCountry().trim().toUpperCase(Locale.ROOT);
        if (!country.equals(homeCountry)) {
            lines.add(countryName(country));
        }
        return lines;
    }

    /** "First Last", either part may be missing; empty when both are. */
    static String recipientName(PrintSend send) {
        String first = send.getFirstName() == null ? "" : send.getFirstName().trim();
        String last = send.getLastName() == null ? "" : send.getLastName().trim();
        return (first + " " + last).trim();
    }

    /** The English name of an ISO 3166-1 alpha-2 code in capitals ("SE" → "SWEDEN"), or the code itself. */
    static String countryName(String code) {
        try {
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH);
            return name.isBlank() ? code : name.toUpperCase(Locale.ENGLISH);
        } catch (IllformedLocaleException e) {
            return code;
        }
    }
}
