"""Pure domain rules of ASN performance management: stdlib only, no Qt, no database."""
