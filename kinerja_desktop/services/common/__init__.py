"""What every capability shares: the database handle, the actor, shared DTOs, the bookkeeping of
every write."""
