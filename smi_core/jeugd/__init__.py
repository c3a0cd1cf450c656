"""Youth care (Jeugdwet) along its three routes: T through the access point (the Wmo route's
machinery with the iJw set and the Jeugdwet's terms), G through a certified institution, and M by
a medical referral (``../shared/domain/wmo-jeugd-routes.md``)."""
