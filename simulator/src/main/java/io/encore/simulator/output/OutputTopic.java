package io.encore.simulator.output;

import org.apache.avro.specific.SpecificRecord;

import io.encore.schemas.avro.AdInteraction;
import io.encore.schemas.avro.Campaign;
import io.encore.schemas.avro.ClickEvent;
import io.encore.schemas.avro.Concert;
import io.encore.schemas.avro.EmailResponse;
import io.encore.schemas.avro.GuestConsent;
import io.encore.schemas.avro.GuestContact;
import io.encore.schemas.avro.IdentityLink;
import io.encore.schemas.avro.MarketSpend;
import io.encore.schemas.avro.TicketSale;

/** The input topics the simulator writes, by their names in docs/topics.md (without prefix). */
public enum OutputTopic {
    CONCERTS("concerts", Concert.class),
    CLICK_EVENTS("click-events", ClickEvent.class),
    EMAIL_RESPONSES("email-responses", EmailResponse.class),
    AD_INTERACTIONS("ad-interactions", AdInteraction.class),
    TICKET_SALES("ticket-sales", TicketSale.class),
    IDENTITY_LINKS("identity-links", IdentityLink.class),
    GUEST_CONSENTS("guest-consents", GuestConsent.class),
    GUEST_CONTACTS("guest-contacts", GuestContact.class),
    MARKET_SPEND("market-spend", MarketSpend.class),
    CAMPAIGNS("campaigns", Campaign.class);

    private final String logicalName;
    private final Class<? extends SpecificRecord> valueType;

    OutputTopic(String logicalName, Class<? extends SpecificRecord> valueType) {
        this.logicalName = logicalName;
        this.valueType = valueType;
    }

    public String logicalName() {
        return logicalName;
    }

    public Class<? extends SpecificRecord> valueType() {
        return valueType;
    }
}
