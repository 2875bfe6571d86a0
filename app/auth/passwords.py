"""Password hashing with Argon2id (memory-hard), as OWASP's password storage guidance advises."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's defaults: RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes),
# above OWASP's minimum. A hash carries its parameters, so a stronger setting later still
# verifies the hashes made before it.
_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
