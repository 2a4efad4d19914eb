package dev.clod.gateway.market;

import dev.clod.gateway.catalog.Site;
import java.util.List;

/** A model's price over a window at one site, as a step series: each point holds until the next. */
public record SiteSeries(Site site, String deploymentId, List<PricePoint> points) {

    public SiteSeries {
        points = List.copyOf(points);
    }
}
