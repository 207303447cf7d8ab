package dev.bookinfo.productpage.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Same profile as the JVM test, stated here too so the packaged app is started with it. */
@QuarkusIntegrationTest
@TestProfile(UnreachableBackendsTest.NothingListening.class)
class UnreachableBackendsIT extends UnreachableBackendsTest {}
