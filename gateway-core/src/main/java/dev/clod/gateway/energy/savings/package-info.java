/**
 * What routing by electricity price would have saved: a replay of price traces against a workload.
 *
 * <p>A {@link dev.clod.gateway.energy.savings.Workload} (interactive traffic and recurring batch jobs)
 * is charged at a list of {@link dev.clod.gateway.energy.savings.Site}s under each {@link
 * dev.clod.gateway.energy.savings.Policy} by the {@link dev.clod.gateway.energy.savings.SavingsEngine},
 * which reads nothing but the traces and figures it is given. {@link
 * dev.clod.gateway.energy.savings.SavingsScenario#demo()} holds the demo figures, {@link
 * dev.clod.gateway.energy.savings.SavingsTable} and {@link dev.clod.gateway.energy.savings.SavingsChart}
 * present a result.
 */
package dev.clod.gateway.energy.savings;
