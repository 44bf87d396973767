// Package statuslist implements the W3C Bitstring Status List v1.0 encoding
// used for credential revocation and suspension, and a keyed pseudo-random
// permutation that assigns status-list indices to credentials without
// revealing their issuance order.
//
// A status list is a bitstring of at least [MinEntries] (131,072) one-bit
// entries. Entry 0 is the most significant bit of byte 0. The published
// form, the encodedList property of a BitstringStatusList, is the multibase
// prefix "u" followed by the unpadded base64url encoding of the GZIP
// (RFC 1952) compressed bitstring.
package statuslist
