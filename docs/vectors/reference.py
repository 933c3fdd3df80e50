#!/usr/bin/env python3
"""An independent implementation of Tessera's share format (docs/share-format.md), standard
library only. It writes the test vectors that Tessera's own code is checked against
(tests/unit/share-format-vectors.test.ts), so the format is proven by two implementations.

    python3 docs/vectors/reference.py WORDLIST > docs/vectors/share-format.json

WORDLIST is the BIP-39 English word list, one word per line (BIP-0039's english.txt).
Nothing here is secret: every value is derived from the fixed labels below.
"""

import hashlib
import hmac
import itertools
import json
import sys

# --- byte helpers -------------------------------------------------------------------------


def u64be(value):
    return value.to_bytes(8, "big")


def lp(data):
    """u64_be(len) || data: every domain tag is length-prefixed."""
    return u64be(len(data)) + data


def tag(text):
    return lp(text.encode("utf-8"))


def stream(label, length):
    """Deterministic bytes for the vectors: sha256(label || counter) blocks."""
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(label.encode() + counter.to_bytes(4, "big")).digest()
        counter += 1
    return out[:length]


# --- GF(2^8) with x^8 + x^4 + x^3 + x + 1 (0x11b) ------------------------------------------


def gf_mul(a, b):
    product = 0
    while b:
        if b & 1:
            product ^= a
        a <<= 1
        if a & 0x100:
            a ^= 0x11B
        b >>= 1
    return product


def gf_inv(a):
    # a^254 = a^-1 in GF(2^8)
    result, power, exponent = 1, a, 254
    while exponent:
        if exponent & 1:
            result = gf_mul(result, power)
        power = gf_mul(power, power)
        exponent >>= 1
    return result


def evaluate(coefficients, x):
    """coefficients[0] is the secret byte; Horner's rule."""
    result = 0
    for coefficient in reversed(coefficients):
        result = gf_mul(result, x) ^ coefficient
    return result


def interpolate_at_zero(points):
    secret = 0
    for i, (xi, yi) in enumerate(points):
        basis = 1
        for j, (xj, _) in enumerate(points):
            if i != j:
                basis = gf_mul(basis, gf_mul(xj, gf_inv(xi ^ xj)))
        secret ^= gf_mul(yi, basis)
    return secret


def split(secret, threshold, xs, coefficient_bytes):
    """Shares as the library lays them out: y_0 .. y_(len-1) || x."""
    degree = threshold - 1
    shares = [bytearray() for _ in xs]
    for position, secret_byte in enumerate(secret):
        coefficients = [secret_byte] + list(
            coefficient_bytes[position * degree : (position + 1) * degree]
        )
        for share, x in zip(shares, xs):
            share.append(evaluate(coefficients, x))
    return [bytes(share) + bytes([x]) for share, x in zip(shares, xs)]


def combine(shares):
    length = len(shares[0]) - 1
    xs = [share[-1] for share in shares]
    return bytes(
        interpolate_at_zero([(x, share[p]) for x, share in zip(xs, shares)])
        for p in range(length)
    )


# --- envelope, paper words, commitment -----------------------------------------------------

ENVELOPE_VERSION = 1


def envelope(vault_id, index, threshold, total, share):
    body = bytes([ENVELOPE_VERSION]) + u64be(vault_id) + bytes([index, threshold, total]) + share
    checksum = hashlib.sha256(tag("tessera/v1/envelope-checksum") + body).digest()[:4]
    return body + checksum


def bits_to_words(data, count, wordlist):
    number = int.from_bytes(data, "big")
    total_bits = len(data) * 8
    words = []
    for i in range(count):
        shift = total_bits - 11 * (i + 1)
        words.append(wordlist[(number >> shift) & 0x7FF])
    return words


def paper_words(envelope_bytes, wordlist):
    checksum = hashlib.sha256(tag("tessera/v1/paper-share") + envelope_bytes).digest()
    count = -(-(len(envelope_bytes) * 8 + 11) // 11)  # ceil: data bits + 11..21 checksum bits
    return bits_to_words(envelope_bytes + checksum, count, wordlist)


def entropy_commitment(vault_id, entropy):
    return hashlib.sha256(tag("tessera/v1/commitment") + u64be(vault_id) + entropy).digest()


def share_commitment(vault_id, slot, envelope_bytes):
    """Protocol v2's per-share commitment: no length prefix, a 0x00 after the tag, u32 slot."""
    return hashlib.sha256(
        "tessera/v2/share-commitment".encode("utf-8")
        + b"\x00"
        + u64be(vault_id)
        + slot.to_bytes(4, "big")
        + envelope_bytes
    ).digest()


def bip39_words(entropy, wordlist):
    checksum = hashlib.sha256(entropy).digest()
    return bits_to_words(entropy + checksum, len(entropy) * 8 // 32 * 3, wordlist)


# --- II's phrase key: BIP-39 seed, SLIP-0010 Ed25519 m/44'/223'/0'/0'/0', principal ---------

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = (-121665 * pow(121666, P - 2, P)) % P
GY = 4 * pow(5, P - 2, P) % P


def recover_x(y):
    xx = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(xx, (P + 3) // 8, P)
    if (x * x - xx) % P:
        x = x * pow(2, (P - 1) // 4, P) % P
    return P - x if x & 1 else x


def edwards_add(p, q):
    (x1, y1), (x2, y2) = p, q
    t = D * x1 * x2 * y1 * y2 % P
    return (
        (x1 * y2 + x2 * y1) * pow(1 + t, P - 2, P) % P,
        (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P,
    )


def scalar_mult(scalar, point):
    result = (0, 1)
    while scalar:
        if scalar & 1:
            result = edwards_add(result, point)
        point = edwards_add(point, point)
        scalar >>= 1
    return result


def ed25519_public_key(seed):
    digest = hashlib.sha512(seed).digest()
    a = int.from_bytes(digest[:32], "little")
    a &= (1 << 254) - 8
    a |= 1 << 254
    x, y = scalar_mult(a, (recover_x(GY), GY))
    return (y | ((x & 1) << 255)).to_bytes(32, "little")


def slip10_ed25519(seed, path):
    digest = hmac.new(b"ed25519 seed", seed, hashlib.sha512).digest()
    key, chain = digest[:32], digest[32:]
    for index in path:
        data = b"\x00" + key + (index + 0x80000000).to_bytes(4, "big")
        digest = hmac.new(chain, data, hashlib.sha512).digest()
        key, chain = digest[:32], digest[32:]
    return key


ED25519_DER_PREFIX = bytes.fromhex("302a300506032b6570032100")


def principal_text(principal):
    import base64
    import zlib

    data = zlib.crc32(principal).to_bytes(4, "big") + principal
    text = base64.b32encode(data).decode().lower().rstrip("=")
    return "-".join(text[i : i + 5] for i in range(0, len(text), 5))


def phrase_key(words):
    seed = hashlib.pbkdf2_hmac("sha512", " ".join(words).encode(), b"mnemonic", 2048)
    private = slip10_ed25519(seed, [44, 223, 0, 0, 0])
    public = ed25519_public_key(private)
    der = ED25519_DER_PREFIX + public
    principal = hashlib.sha224(der).digest() + b"\x02"
    return {
        "seed": seed.hex(),
        "privateKey": private.hex(),
        "publicKeyDer": der.hex(),
        "principal": principal_text(principal),
    }


# --- protocol v2's recovery link and verification code ------------------------------------

# The 64 symbol words of the verification code, index = 6 bits (docs/share-format.md).
SYMBOL_WORDS = (
    "circle square triangle diamond hexagon star heart cross ring spiral wave arrow sun moon "
    "cloud drop bolt snowflake mountain leaf tree flower mushroom cactus apple cherry lemon "
    "grapes carrot egg cheese pizza fish bird snail bone feather shell house key lock bell "
    "anchor flag crown cup umbrella eye clock bulb book letter pencil hammer glasses hat globe "
    "kite balloon rocket boat wheel candle magnet"
).split()
assert len(SYMBOL_WORDS) == 64


def base64url(data):
    import base64

    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def recovery_link_vector(anchor, request_id):
    """A requester key (Ed25519 from a fixed seed), its link fragment, code and release identity."""
    seed = stream("tessera vectors/requester", 32)
    der = ED25519_DER_PREFIX + ed25519_public_key(seed)
    principal = hashlib.sha224(der).digest() + b"\x02"
    digest = hashlib.sha256(
        "tessera/v2/verification-code".encode("utf-8") + u64be(anchor) + principal
    ).digest()
    bits = int.from_bytes(digest[:3], "big")
    indices = [(bits >> (18 - 6 * i)) & 0x3F for i in range(4)]
    return {
        "anchor": str(anchor),
        "requesterSeed": seed.hex(),
        "publicKeyDer": der.hex(),
        "principalBytes": principal.hex(),
        "principal": principal_text(principal),
        "fragment": f"#a={anchor}&k={base64url(der)}",
        "codeHash": digest.hex(),
        "code": " ".join(SYMBOL_WORDS[i] for i in indices),
        "requestId": str(request_id),
        "releaseIdentity": (u64be(request_id) + principal).hex(),
    }


# --- the vectors -----------------------------------------------------------------------------


def vault_vector(name, vault_id, threshold, total, xs, wordlist):
    entropy = stream(f"tessera vectors/{name}/entropy", 32)
    coefficients = stream(f"tessera vectors/{name}/coefficients", 32 * (threshold - 1))
    shares = split(entropy, threshold, xs, coefficients)
    envelopes = [
        envelope(vault_id, index + 1, threshold, total, share) for index, share in enumerate(shares)
    ]
    for subset in itertools.combinations(shares, threshold):
        assert combine(list(subset)) == entropy
    words = bip39_words(entropy, wordlist)
    return {
        "name": name,
        "vaultId": str(vault_id),
        "threshold": threshold,
        "total": total,
        "entropy": entropy.hex(),
        "entropyChecksum": hashlib.sha256(entropy).digest()[0],
        "phrase": " ".join(words),
        "phraseKey": phrase_key(words),
        "commitment": entropy_commitment(vault_id, entropy).hex(),
        "coefficients": coefficients.hex(),
        "shares": [
            {
                "index": index + 1,
                "x": xs[index],
                "share": share.hex(),
                "envelope": envelopes[index].hex(),
                "envelopeChecksum": envelopes[index][45:].hex(),
                "paperChecksum": hashlib.sha256(
                    tag("tessera/v1/paper-share") + envelopes[index]
                ).digest().hex(),
                "paper": " ".join(paper_words(envelopes[index], wordlist)),
                "shareCommitment": share_commitment(vault_id, index + 1, envelopes[index]).hex(),
            }
            for index, share in enumerate(shares)
        ],
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        wordlist = [line.strip() for line in file if line.strip()]
    assert len(wordlist) == 2048
    vaults = [
        vault_vector("2-of-3", 7, 2, 3, [0x01, 0x02, 0x03], wordlist),
        vault_vector("3-of-5", 42, 3, 5, [0x17, 0x8A, 0x03, 0xF1, 0x42], wordlist),
        vault_vector("10-of-10", 2**64 - 1, 10, 10, list(range(0xF6, 0x100)), wordlist),
    ]
    json.dump(
        {
            "about": "Tessera share format test vectors (docs/share-format.md), "
            "written by docs/vectors/reference.py",
            "field": "GF(2^8), x^8 + x^4 + x^3 + x + 1",
            "vaults": vaults,
            "recoveryLink": recovery_link_vector(10000, 5),
        },
        sys.stdout,
        indent="\t",
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
