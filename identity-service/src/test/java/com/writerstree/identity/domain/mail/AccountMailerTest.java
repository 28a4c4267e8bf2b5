package com.writerstree.identity.domain.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccountMailerTest {

    @Test
    void aMailGreetsByNameOnlyWhenTheNameCarriesNoLink() {
        assertEquals("Hello Jane Writer,", AccountMailer.greeting(" Jane Writer "));
        assertEquals("Hello,", AccountMailer.greeting(null));
        // a name stored before the rules existed is not copied into the mail
        assertEquals("Hello,", AccountMailer.greeting("URGENT: log in at http://evil.example"));
        assertEquals("Hello,", AccountMailer.greeting("Jane\nClick here"));
    }
}
