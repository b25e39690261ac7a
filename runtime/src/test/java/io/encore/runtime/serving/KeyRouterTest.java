package io.encore.runtime.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.encore.runtime.http.ApiException;
import io.encore.runtime.http.HttpApi;
import io.encore.runtime.http.Request;
import io.encore.runtime.http.Response;
import io.encore.runtime.testing.TestHttp;
import io.encore.runtime.testing.TestHttp.Answer;

/** Two real servers, A and B, each with its own view of where keys live. */
class KeyRouterTest {

    private static final String STORE = "guest-profiles";
    private static final Forwarder FORWARDER = new Forwarder(Duration.ofSeconds(2));

    private final FakeKeyLocator viewOfA = new FakeKeyLocator();
    private final FakeKeyLocator viewOfB = new FakeKeyLocator();
    private HttpApi a;
    private HttpApi b;
    private HostAndPort hostA;
    private HostAndPort hostB;

    @BeforeEach
    void startInstances() {
        a = instance("A", viewOfA, 1);
        b = instance("B", viewOfB, 2);
        hostA = new HostAndPort("127.0.0.1", a.port());
        hostB = new HostAndPort("127.0.0.1", b.port());
        viewOfA.instances(hostA, List.of(hostA, hostB));
        viewOfB.instances(hostB, List.of(hostA, hostB));
    }

    @AfterEach
    void stopInstances() {
        a.close();
        b.close();
    }

    @Test
    void shouldAnswerLocallyWhenKeyIsHere() throws Exception {
        // given
        viewOfA.place("g1", new Location.Local());

        // when
        Answer answer = TestHttp.get(a.port(), "/guests/g1/profile");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{ \"guest\": \"g1\", \"servedBy\": \"A\" }");
    }

    @Test
    void shouldPassRemoteAnswerThroughUnchangedWhenKeyIsElsewhere() throws Exception {
        // given
        viewOfA.place("g1", new Location.Remote(hostB));
        viewOfB.place("g1", new Location.Local());

        // when
        Answer answer = TestHttp.get(a.port(), "/guests/g1/profile?fields=all");

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{ \"guest\": \"g1\", \"servedBy\": \"B\" }");
        assertThat(answer.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.header("X-Encore-Staleness-Ms")).isEqualTo("2");
    }

    @Test
    void shouldKeepRemote404WhenRemoteHasNoSuchGuest() throws Exception {
        // given
        viewOfA.place("nobody", new Location.Remote(hostB));
        viewOfB.place("nobody", new Location.Local());

        // when
        Answer answer = TestHttp.get(a.port(), "/guests/nobody/profile");

        // then
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"status\":404,\"error\":\"No profile for guest nobody\"}");
    }

    @Test
    void shouldAnswer503InsteadOfLoopingWhenForwardedKeyIsNotLocalEither() throws Exception {
        // given metadata that moved: A thinks B has the key, B thinks A has it
        viewOfA.place("g1", new Location.Remote(hostB));
        viewOfB.place("g1", new Location.Remote(hostA));

        // when
        Answer answer = TestHttp.get(a.port(), "/guests/g1/profile");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body()).isEqualTo("{\"status\":503,\"error\":\"Store 'guest-profiles' for this key moved to "
                + hostA + " while the request was forwarded; retry\"}");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenRemoteIsUnreachable() throws Exception {
        // given
        HostAndPort gone = new HostAndPort("127.0.0.1", TestHttp.closedPort());
        viewOfA.place("g1", new Location.Remote(gone));

        // when
        Answer answer = TestHttp.get(a.port(), "/guests/g1/profile");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body()).isEqualTo("{\"status\":503,\"error\":\"Instance " + gone
                + " did not answer (ConnectException); retry shortly\"}");
    }

    @Test
    void shouldAnswer503WithReasonWhenKeyIsUnavailable() throws Exception {
        // given
        viewOfA.place("g1", new Location.Unavailable("Kafka Streams is REBALANCING"));

        // when
        Answer answer = TestHttp.get(a.port(), "/guests/g1/profile");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body()).isEqualTo("{\"status\":503,\"error\":\"Kafka Streams is REBALANCING\"}");
    }

    @Test
    void shouldSumEveryInstanceWhenFanningOut() throws Exception {
        // given a third instance
        FakeKeyLocator viewOfC = new FakeKeyLocator();
        try (HttpApi c = instance("C", viewOfC, 3)) {
            HostAndPort hostC = new HostAndPort("127.0.0.1", c.port());
            List<HostAndPort> all = List.of(hostA, hostB, hostC);
            viewOfA.instances(hostA, all);
            viewOfB.instances(hostB, all);
            viewOfC.instances(hostC, all);

            // when
            Answer answer = TestHttp.get(a.port(), "/stats/guests");

            // then A's own 1, B's 2 and C's 3, each peer asked once and none fanning out again
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("{\"guests\":6,\"peers\":2}");
        }
    }

    @Test
    void shouldCollectPeerBodiesWhenFanningOutDirectly() {
        // given
        KeyRouter router = new KeyRouter(viewOfA, FORWARDER);
        Request request = new Request("GET", "/stats/guests", "", Map.of(), Map.of());

        // when
        List<JsonNode> bodies = router.fanOut(request, "/stats/guests");

        // then only B, the one other instance, which answered for itself alone
        assertThat(bodies).extracting(body -> body.get("guests").asInt()).containsExactly(2);
    }

    @Test
    void shouldAnswer503NamingInstanceWhenOnePeerIsUnreachableDuringFanOut() throws Exception {
        // given
        HostAndPort gone = new HostAndPort("127.0.0.1", TestHttp.closedPort());
        viewOfA.instances(hostA, List.of(hostA, hostB, gone));

        // when
        Answer answer = TestHttp.get(a.port(), "/stats/guests");

        // then
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.body()).contains("Instance " + gone + " did not answer");
    }

    /** An instance serving one keyed route and one fan-out route, as an app would. */
    private static HttpApi instance(String name, KeyLocator view, int localGuests) {
        KeyRouter router = new KeyRouter(view, FORWARDER);
        return HttpApi.builder("127.0.0.1", 0)
                .get("/guests/{id}/profile", request -> router.route(request, STORE, request.pathParam("id"),
                        local -> profile(name, local.pathParam("id"))))
                .get("/stats/guests", request -> {
                    List<JsonNode> peers = router.fanOut(request, "/stats/guests");
                    int total = localGuests + peers.stream().mapToInt(peer -> peer.get("guests").asInt()).sum();
                    return Response.ok(new GuestCount(total, peers.size()));
                })
                .build()
                .start();
    }

    private record GuestCount(int guests, int peers) {
    }

    // Deliberately unusual spacing: a forwarded answer must arrive byte for byte.
    private static Response profile(String instance, String guest) {
        if (guest.equals("nobody")) {
            throw new ApiException(404, "No profile for guest " + guest);
        }
        return Response.text(200, Response.JSON_CONTENT_TYPE,
                        "{ \"guest\": \"" + guest + "\", \"servedBy\": \"" + instance + "\" }")
                .withHeader(Forwarder.STALENESS_HEADER, "2");
    }
}
