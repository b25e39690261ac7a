package io.encore.simulator.audience;

/** How a guest is known to the hall's systems when the simulation starts. */
public enum GuestKind {
    /** Has a web account (GUEST_ID) and an e-mail; some also have a loyalty card. Browses anonymously until logging in. */
    REGISTERED,
    /** Known only by a loyalty card: buys at the box office and by phone, browses anonymously now and then. */
    BOX_OFFICE,
    /** An anonymous visitor (cookies only) who may sign up, at the latest when buying a ticket. */
    PROSPECT
}
