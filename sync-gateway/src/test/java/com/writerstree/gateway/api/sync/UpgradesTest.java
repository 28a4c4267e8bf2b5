package com.writerstree.gateway.api.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The hook that lets a stop go on while sockets are open reaches into Quarkus (package-private
 * {@code QuarkusRequestWrapper.done()}): a Quarkus upgrade that moves it must fail here, not silently bring back
 * 20-second stops. The stop itself is measured by system-tests' {@code GatewayGracefulStopFaultIT}.
 */
class UpgradesTest {

    @Test
    void quarkusStillLetsAnUpgradedRequestBeMarkedDone() {
        assertTrue(Upgrades.supported());
    }
}
