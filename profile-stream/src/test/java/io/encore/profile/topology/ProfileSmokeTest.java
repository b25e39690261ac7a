package io.encore.profile.topology;

import static io.encore.profile.topology.Fixtures.T0;
import static io.encore.profile.topology.Fixtures.click;
import static io.encore.profile.topology.Fixtures.concert;
import static io.encore.profile.topology.Fixtures.cookie;
import static io.encore.profile.topology.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.encore.schemas.avro.ClickType;
import io.encore.schemas.avro.GuestProfile;

class ProfileSmokeTest {

    @Test
    void shouldPublishATasteProfileWhenAVisitorFavouritesAKnownConcert() {
        try (ProfileDriver profile = new ProfileDriver()) {
            // given
            profile.pipe(profile.topics.concerts(), "c1", concert("c1", "Crooner night", "Gregory Porter",
                    List.of("vocal jazz"), T0.plus(Duration.ofDays(30))));
            // when
            profile.pipe(profile.topics.clickEvents(), key(cookie("abc")),
                    click("e1", cookie("abc"), ClickType.FAVOURITE, "c1", T0));
            // then
            GuestProfile guest = profile.profiles().get("COOKIE:abc");
            assertThat(profile.deadLetters()).isEmpty();
            assertThat(guest).isNotNull();
            assertThat(guest.getTopConcepts()).extracting(c -> c.getConcept()).contains("gregory porter", "vocal jazz");
        }
    }
}
