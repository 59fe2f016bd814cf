-- "Voir son espace" (issue 15, item 5; docs/decisions/026): a staff member's read-only view of a person's extranet.
-- A grant is bound to the staff member who opened it and lasts 15 minutes; it is never a session of the person, and
-- nothing in it can act as them. The journal records each opening (who, whom, when).
CREATE TABLE "SpaceViewGrant" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "tiersId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpaceViewGrant_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "SpaceViewGrant_staffId_createdAt_idx" ON "SpaceViewGrant"("staffId", "createdAt");

ALTER TABLE "SpaceViewGrant" ADD CONSTRAINT "SpaceViewGrant_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SpaceViewGrant" ADD CONSTRAINT "SpaceViewGrant_tiersId_fkey" FOREIGN KEY ("tiersId") REFERENCES "Tiers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
