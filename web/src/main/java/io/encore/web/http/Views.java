package io.encore.web.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.encore.web.guests.GuestEntry;

/** JSON bodies shared by the routes. */
final class Views {

    private Views() {
    }

    /** A guest as the picker and the page show it: first name and ids, taste and groups; no contact detail. */
    static Map<String, Object> guest(GuestEntry guest) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("guestId", guest.guestId());
        view.put("name", guest.displayName());
        view.put("firstName", guest.firstName());
        view.put("known", guest.known());
        view.put("language", guest.language());
        view.put("aliases", guest.aliases());
        view.put("valueGroup", guest.valueGroup());
        view.put("segment", guest.segment());
        view.put("behaviourGroup", guest.behaviourGroup());
        view.put("allowedChannels", guest.allowedChannels());
        view.put("topConcepts", guest.topConcepts());
        view.put("negativeConcepts", guest.negativeConcepts());
        view.put("purchasedConcertIds", guest.purchasedConcertIds());
        view.put("eventCount", guest.eventCount());
        view.put("version", guest.version());
        return view;
    }

    /** The short form for the picker's list. */
    static Map<String, Object> pick(GuestEntry guest) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("guestId", guest.guestId());
        view.put("name", guest.displayName());
        view.put("known", guest.known());
        view.put("valueGroup", guest.valueGroup());
        view.put("segment", guest.segment());
        view.put("eventCount", guest.eventCount());
        view.put("topConcepts", guest.topConcepts().stream().limit(3).map(GuestEntry.Concept::concept).toList());
        view.put("aliases", guest.aliases().stream().limit(4).toList());
        return view;
    }

    /** The concert link of a row item, in the feedback link format plus the demo's "act as" parameter. */
    static String concertLink(String concertId, String recommendationId, String as) {
        StringBuilder link = new StringBuilder("/concerts/").append(encode(concertId));
        String separator = "?";
        if (recommendationId != null) {
            link.append(separator).append("rec=").append(encode(recommendationId));
            separator = "&";
        }
        if (as != null) {
            link.append(separator).append("as=").append(encode(as));
        }
        return link.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static <T> List<T> first(List<T> items, int limit) {
        return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
    }
}
