"""Settings from the environment (prefix ``SMI_``), validated once at start-up."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from smi_core import MunicipalityConfig, default_municipality, load_municipality
from smi_core.wmo.catalogue import Catalogue, catalogue_of
from smi_intake.crypto import Cipher, demo_key

DEFAULT_COOKIE_KEY = "demo-cookie-key-change-me-in-production-0000"


class InsecureSettings(RuntimeError):
    """Production mode was asked for with a setting that is only safe for a demo."""


class Settings(BaseSettings):
    """Everything that differs between a demo and a production installation."""

    model_config = SettingsConfigDict(env_prefix="SMI_", env_file=".env", extra="ignore")

    mode: Literal["demo", "production"] = "demo"
    data_dir: Path = Field(default=Path("data"), description="folder for the SQLite file and keys")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite file in data_dir"
    )
    cookie_key: SecretStr = SecretStr(DEFAULT_COOKIE_KEY)
    encryption_key: SecretStr | None = Field(
        default=None, description="Fernet key for medical data; demo generates one in data_dir"
    )
    municipality_file: Path | None = Field(default=None, description="TOML file of the municipality")
    bcrypt_rounds: int = Field(default=12, ge=4, le=16, description="cost of password hashing")
    istandaarden_dir: Path | None = Field(
        default=None,
        description=(
            "folder of the official iStandaarden download holding iwmo-3.2/ and ijw-3.2/ with their XSDs;"
            " without it the schema check (level 1) is off and levels 2-3 still run"
        ),
    )
    quick_exit_url: str = Field(
        default="https://www.buienradar.nl", description="neutral website the quick-exit button opens"
    )

    @property
    def effective_database_url(self) -> str:
        """The configured URL, or the embedded SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'smi.db').resolve()}"

    def municipality(self) -> MunicipalityConfig:
        """The configured municipality, Hendrik-Ido-Ambacht by default."""
        if self.municipality_file is None:
            return default_municipality()
        return load_municipality(self.municipality_file)

    def catalogue(self) -> Catalogue:
        """The municipality's catalogue of Wmo and youth-care products, or the example one."""
        return catalogue_of(self.municipality(), self.municipality_file)

    def check_safe_for_mode(self) -> None:
        """Refuse to run production with demo secrets."""
        if self.mode != "production":
            return
        if self.cookie_key.get_secret_value() == DEFAULT_COOKIE_KEY or len(self.cookie_key) < 32:
            raise InsecureSettings("SMI_COOKIE_KEY must be set to a random value of 32+ characters")
        if self.encryption_key is None:
            raise InsecureSettings("SMI_ENCRYPTION_KEY must be set in production")
        if not self.database_url:
            raise InsecureSettings("SMI_DATABASE_URL must be set in production")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process's settings (read once)."""
    return Settings()


def make_cipher(settings: Settings) -> Cipher:
    """The cipher of the configured key, or of the demo key in the data folder."""
    if settings.encryption_key is not None:
        return Cipher(settings.encryption_key.get_secret_value())
    return Cipher(demo_key(settings.data_dir))
