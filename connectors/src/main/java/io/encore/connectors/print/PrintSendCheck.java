package io.encore.connectors.print;

import java.util.Optional;
import java.util.regex.Pattern;

import io.encore.schemas.avro.PostalAddress;
import io.encore.schemas.avro.PrintSend;

/**
 * Why a decoded send can never be printed, if it cannot: the reason goes to the dead-letter queue, so it
 * names the send and the missing part, never a name or an address.
 */
final class PrintSendCheck {

    /** A send id names a file: hexadecimal only (the producer writes a SHA-256), so it cannot leave the directory. */
    private static final Pattern SEND_ID = Pattern.compile("[0-9a-fA-F]{1,128}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

    private PrintSendCheck() {
    }

    static Optional<String> problem(PrintSend send) {
        if (!SEND_ID.matcher(send.getSendId()).matches()) {
            return Optional.of("Send id is not hexadecimal (it names the piece's file): " + abbreviate(send.getSendId()));
        }
        String piece = "Send " + send.getSendId() + " ";
        if (send.getCampaignId().isBlank()) {
            return Optional.of(piece + "has no campaign id");
        }
        if (send.getItems().isEmpty()) {
            return Optional.of(piece + "has no concerts to print");
        }
        return addressProblem(send.getPostalAddress()).map(missing -> piece + "has no complete postal address: " + missing);
    }

    private static Optional<String> addressProblem(PostalAddress address) {
        if (address.getLines().stream().allMatch(line -> line == null || line.isBlank())) {
            return Optional.of("no street line");
        }
        if (address.getPostalCode().isBlank()) {
            return Optional.of("no postal code");
        }
        if (address.getCity().isBlank()) {
            return Optional.of("no city");
        }
        if (!COUNTRY.matcher(address.getCountry().trim()).matches()) {
            return Optional.of("no ISO 3166-1 alpha-2 country");
        }
        return Optional.empty();
    }

    private static String abbreviate(String value) {
        return value.length() <= 20 ? value : value.substring(0, 20) + "…";
    }
}
