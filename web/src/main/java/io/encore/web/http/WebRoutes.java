package io.encore.web.http;

import io.encore.runtime.http.HttpApi;
import io.encore.web.WebSources;
import io.encore.web.actions.GuestActions;
import io.encore.web.clusters.TasteClusters;
import io.encore.web.operator.OperatorSampler;

/** Every route of the web app: pages and assets, the guest's API, e-mail tracking and the operator's API. */
public final class WebRoutes {

    private final StaticAssets assets;
    private final GuestRoutes guest;
    private final TrackingRoutes tracking;
    private final OperatorRoutes operator;

    public WebRoutes(WebSources sources, GuestActions actions, OperatorSampler sampler, TasteClusters clusters) {
        this.assets = StaticAssets.load();
        this.guest = new GuestRoutes(sources.catalogue(), sources.guests(), sources.webSets(), actions, sources.clock());
        this.tracking = new TrackingRoutes(sources.sends(), actions);
        this.operator = new OperatorRoutes(sampler, sources.changes(), sources.latency(), sources.transitions(),
                sources.apis(), clusters, sources.outbox(), sources.audiences(), () -> sources.clock().millis());
    }

    public void install(HttpApi.Builder builder) {
        assets.install(builder);
        guest.install(builder);
        tracking.install(builder);
        operator.install(builder);
    }
}
