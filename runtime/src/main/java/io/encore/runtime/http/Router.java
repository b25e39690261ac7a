package io.encore.runtime.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Chooses the handler for a method and path, and tells a wrong method (405, with the allowed ones) apart from
 * an unknown path (404).
 */
final class Router {

    private final List<Route> routes;

    Router(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt((Route route) -> route.template().literalCount()).reversed());
        this.routes = List.copyOf(sorted);
    }

    Resolution resolve(String method, String rawPath) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.template().match(rawPath);
            if (params.isPresent() && route.method().equals(method)) {
                return new Resolution.Found(route.handler(), route.access(), params.get());
            }
            params.ifPresent(ignored -> allowed.add(route.method()));
        }
        return allowed.isEmpty() ? new Resolution.NotFound() : new Resolution.MethodNotAllowed(String.join(", ", allowed));
    }

    /** One registered route. */
    record Route(String method, Access access, PathTemplate template, Handler handler) {
    }

    /** The outcome of routing one request. */
    sealed interface Resolution {

        record Found(Handler handler, Access access, Map<String, String> pathParams) implements Resolution {
        }

        record NotFound() implements Resolution {
        }

        record MethodNotAllowed(String allow) implements Resolution {
        }
    }
}
