package io.encore.web.recs;

import java.util.Optional;

/**
 * Where the page reads a visitor's current WEB list. {@code id} is any identifier of the guest in
 * {@code TYPE:value} form (the canonical id or an alias such as {@code COOKIE:3f2a9c}); empty when the source
 * holds no list for it.
 */
@FunctionalInterface
public interface WebSets {

    Optional<WebRow> current(String id);
}
