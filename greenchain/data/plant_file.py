"""The plant file: its pydantic schema (data layer).

A plant file (YAML, JSON or the Excel template) describes one plant: who it is,
what it makes, the energy it buys and sells, its process emissions, and — for the
decision modules — its equipment, prices, finance, site, water and waste data.
Quantities are written as strings (``"4000000 m^3"``) or as
``{value: 4000000, unit: "m^3"}``; a plain number is read in the field's
documented unit.

Validation reports every problem at once, each naming its path
(``energy[3].amount``) and the file. Unknown keys are errors (a typo must not be
ignored silently).

Examples
--------
>>> plant = PlantData.model_validate({
...     "plant": {"name": "Demo", "region": "Fujian", "year": 2023, "sector": "ceramics"},
...     "products": [{"id": "tile", "name": "Tile", "output": "1000 m^2"}],
...     "energy": [{"carrier": "electricity", "amount": "200 MWh"}],
... })
>>> plant.energy[0].amount
<Quantity(200, 'megawatt_hour')>
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, Protocol, runtime_checkable

import pint
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from greenchain.data.names import carrier_validator, gas_validator, sector_validator, year_validator
from greenchain.data.quantity_fields import (
    check_amount,
    check_attributes,
    check_currency,
    check_exports,
    check_green_factory,
    check_mass_per_output,
    check_profile,
    measure,
)
from greenchain.data.vocabulary import ALLOCATIONS, BOUNDARIES
from greenchain.errors import InputError
from greenchain.units import read_rate

__all__ = [
    "PlantData",
    "PlantInfo",
    "Product",
    "EnergyEntry",
    "ExportEntry",
    "ProcessEmission",
    "Equipment",
    "FootprintSpec",
    "validation_error",
    "PlantLike",
    "plant_data",
    "dyeing_fabric_class",
    "SECTORS",
    "BOUNDARIES",
    "ALLOCATIONS",
    "ENERGY_CARRIERS_SPECIAL",
]

SECTORS = ("ceramics", "dyeing", "textile", "footwear", "apparel", "food", "other")
#: Carriers that are not fuel ids.
ENERGY_CARRIERS_SPECIAL = ("electricity", "heat", "steam", "hot_water")


def amount_validator(value: Any) -> Any:
    """Read ``"4 t"``, ``{value, unit}``, a number or a Quantity (numbers stay numbers).

    Parameters
    ----------
    value : str, mapping, number or pint.Quantity
        An amount as written in a plant file.

    Returns
    -------
    pint.Quantity or number

    Raises
    ------
    ValueError
        A value no plant could have (rules in :mod:`greenchain.data.quantity_fields`).

    Examples
    --------
    >>> amount_validator("4 t")
    <Quantity(4, 'metric_ton')>
    """
    return check_amount(value)


#: A non-negative, finite quantity (or a bare number read in the documented unit).
Amount = Annotated[Any, BeforeValidator(amount_validator)]


def _rate(value: Any) -> Any:
    try:  # "8%" -> 0.08; a plain 8 is refused ("did you mean 8 %?"), never 800 %
        return read_rate(value, "rate")
    except InputError as exc:
        raise ValueError(exc.message) from None


#: A fraction or rate: 0.08, "8%" or "8 %" (a plain number above 1 is an error).
Rate = Annotated[float, BeforeValidator(_rate)]
#: Quantities of one dimension (a bare number is read in the unit named, if any).
Temperature = Annotated[Any, BeforeValidator(measure("[temperature]", temperature=True))]
Enthalpy = Annotated[Any, BeforeValidator(measure("[energy]/[mass]"))]
Money = Annotated[Any, BeforeValidator(measure("[currency]"))]
HeatingValue = Annotated[Any, BeforeValidator(measure("[energy]/[mass] | [energy]/[volume]"))]
CarbonContent = Annotated[Any, BeforeValidator(measure("[mass]/[energy]"))]
#: Money that goes into ratios: a unit is required (CNY or 万元 cannot be guessed).
MoneyWithUnit = Annotated[Any, BeforeValidator(measure("[currency]", example="52000 wan_yuan"))]
Distance = Annotated[Any, BeforeValidator(measure("[length]"))]
Mass = Annotated[Any, BeforeValidator(measure("[mass]"))]
#: Mass per unit of output (``0.62 kg/pair``); a bare number is read in kg.
MassPerOutput = Annotated[Any, BeforeValidator(check_mass_per_output)]
Volume = Annotated[Any, BeforeValidator(measure("[volume]"))]
Concentration = Annotated[Any, BeforeValidator(measure("[mass]/[volume]"))]
SiteArea = Annotated[Any, BeforeValidator(measure("[area]", "m^2"))]
WaterVolume = Annotated[Any, BeforeValidator(measure("[volume]", "m^3"))]
WasteMass = Annotated[Any, BeforeValidator(measure("[mass]", "t"))]
#: A year: 2024 or "2024年".
Year = Annotated[int, BeforeValidator(year_validator)]
#: A carrier id; Chinese names (天然气, 电力) are read as their ids.
Carrier = Annotated[str, BeforeValidator(carrier_validator)]


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid", arbitrary_types_allowed=True, str_strip_whitespace=True
    )


class PlantInfo(_Model):
    """``plant``: identity and accounting context."""

    name: str
    region: str = Field(description="Province or grid region, English or Chinese")
    year: Year = Field(description="Reporting (data) year")
    sector: Annotated[Literal[SECTORS], BeforeValidator(sector_validator)] = "other"  # type: ignore[valid-type]
    name_zh: str | None = None
    currency: Annotated[str, BeforeValidator(check_currency)] = "CNY"
    id: str | None = None


class Allocation(_Model):
    """How plant-level energy and emissions are shared among products."""

    method: Literal["mass", "area", "economic", "physical"] = "mass"
    shares: dict[str, float] | None = None  # product id -> share (physical/sub-metered)
    justification: str | None = None  # ISO 14067 6.4.6.3: why economic allocation


class TransportLeg(_Model):
    """Transport of a material: distance and mode (factor key or explicit)."""

    distance: Distance
    mode: str
    factor: str | Amount | None = None
    factor_source: str | None = None
    factor_status: Literal["official", "transcribed", "derived", "unverified"] = "unverified"
    uncertainty: dict[str, Any] | None = None


class MaterialInput(_Model):
    """A material or purchased part per declared unit of a product."""

    name: str
    name_zh: str | None = None  # Chinese name (reports in Chinese)
    amount: Amount
    factor: str | Amount | None = None  # factor key, or a value with unit ("2.2 kgCO2e/kg")
    stage: str = "materials"
    uncertainty: dict[str, Any] | None = None
    transport: list[TransportLeg] = []
    made_in_plant: str | None = None  # product id of an intermediate made here
    factor_source: str | None = None  # citation of an explicit factor
    factor_status: Literal["official", "transcribed", "derived", "unverified"] = "unverified"


class FootprintSpec(_Model):
    """``products[].footprint``: the product system (ISO 14067 / GB/T 24067)."""

    declared_unit: Amount = Field(default="1 piece", validate_default=True)
    boundary: Literal["cradle_to_gate", "gate_to_gate"] = "cradle_to_gate"
    materials: list[MaterialInput] = []
    packaging: list[MaterialInput] = []
    waste: list[MaterialInput] = []
    energy_share: Rate | None = Field(default=None, ge=0, le=1)  # share of plant energy
    primary_data_share: Rate | None = Field(default=None, ge=0, le=1)
    reference_period: str | None = None


def dyeing_fabric_class(name: Any) -> str:
    """The fabric class of the dyeing norm (印染行业规范条件) for ``attributes.fabric``.

    Parameters
    ----------
    name : str
        A class id (``woven``, ``yarn_knit``, ``silk``, ``worsted_wool``) or a Chinese or
        English name of ``factors/dyeing-norm-2017_fabric-classes.csv`` (``针织物``).

    Returns
    -------
    str
        The class id.

    Raises
    ------
    ValueError
        For a name of no class (the message lists the classes and their Chinese names).

    Examples
    --------
    >>> dyeing_fabric_class("纱线、针织物"), dyeing_fabric_class("knit")
    ('yarn_knit', 'yarn_knit')
    """
    from greenchain.data.tables import read_table

    rows = read_table("dyeing-norm-2017_fabric-classes.csv")
    text = str(name).strip()
    for row in rows:
        names = [row["fabric"], row["name_zh"], *row["aliases"].split("|")]
        if text.lower() in (n.strip().lower() for n in names if n.strip()):
            return row["fabric"]
    valid = ", ".join(f"{r['fabric']} ({r['name_zh']})" for r in rows)
    raise ValueError(f"unknown fabric {text!r} of the dyeing norm; valid: {valid}")


class Product(_Model):
    """``products[]``: a product and its annual output."""

    id: str
    name: str
    output: Amount
    name_zh: str | None = None
    mass: MassPerOutput | None = None  # mass per unit of output, for mass allocation
    value: Amount | None = None  # output value (e.g. "3000 wan_yuan"), economic allocation
    attributes: dict[str, Any] = {}
    footprint: FootprintSpec | None = None

    @field_validator("attributes")
    @classmethod
    def _fabric_class(cls, v: dict[str, Any]) -> dict[str, Any]:
        check_attributes(v)
        if v.get("fabric") is None:
            return v
        return {**v, "fabric": dyeing_fabric_class(v["fabric"])}

    @field_validator("output")
    @classmethod
    def _output_positive(cls, v: Any) -> Any:
        m = v.magnitude if isinstance(v, pint.Quantity) else v
        if m == 0:
            raise ValueError("output must be greater than zero")
        return v


class Measured(_Model):
    """Measured fuel parameters (实测值) overriding defaults one by one."""

    ncv: HeatingValue | None = None
    carbon_content: CarbonContent | None = None
    oxidation_rate: Rate | None = Field(default=None, gt=0, le=1)


#: Where an activity amount comes from: a meter reading, invoices, the plant's energy
#: statistics (能源统计报表), a default value, an estimate, or not stated.
#: Chinese names are read as the id (计量 -> meter).
DATA_SOURCES_ZH = {
    "计量": "meter",
    "仪表": "meter",
    "发票": "invoice",
    "统计": "statistics",
    "统计报表": "statistics",
    "缺省值": "default",
    "默认值": "default",
    "估算": "estimate",
    "未说明": "not stated",
}
DataSource = Annotated[
    Literal["meter", "invoice", "statistics", "default", "estimate", "not stated"],
    BeforeValidator(
        lambda v: DATA_SOURCES_ZH.get(v.strip(), v.strip()) if isinstance(v, str) else v
    ),
]


class EnergyEntry(_Model):
    """``energy[]``: energy bought or produced on site and used."""

    carrier: Carrier
    amount: Amount
    use: str | None = None
    product: str | None = None  # sub-metered to one product
    measured: Measured | None = None
    supply: Literal["grid", "green_certificate", "direct_green", "onsite_renewable"] = "grid"
    dataset: str | None = None  # fuel parameter set for this entry
    enthalpy: Enthalpy | None = None  # steam: specific enthalpy
    temperature: Temperature | None = None  # hot water: supply temperature
    uncertainty: dict[str, Any] | None = None
    notes: str | None = None
    factor: str | Amount | None = None  # explicit CO2e factor per unit of amount, or a key
    factor_source: str | None = None
    factor_status: Literal["official", "transcribed", "derived", "unverified"] = "unverified"
    data_source: DataSource = "not stated"  # where the amount comes from (audit appendix)


class ExportEntry(_Model):
    """``exports[]``: electricity or heat sold or handed over outside the boundary."""

    carrier: Annotated[
        Literal["electricity", "heat", "steam", "hot_water"], BeforeValidator(carrier_validator)
    ]
    amount: Amount
    enthalpy: Enthalpy | None = None
    temperature: Temperature | None = None


class ProcessEmission(_Model):
    """``process_emissions[]``: non-combustion sources.

    ``type`` selects the method and its inputs: ``carbonate_decomposition``
    (``raw_material``, ``fractions``, optional ``dataset``, ``calcination_fraction``,
    ``utilisation``), ``wastewater_ch4`` (``volume``, ``cod_in``, ``cod_out`` or
    ``organics``; ``system`` or ``mcf``; optional ``sludge``, ``recovered``, ``b0``),
    ``refrigerant_leakage`` (``gas`` — a pure gas, ``SF6`` or a blend such as ``R-410A`` —
    and ``amount`` topped up, or ``charge`` and ``leak_rate``), ``electronics_fgas``
    (``gas``, ``amount`` used; optional ``method`` tier2a/tier2b, ``process`` etch/cvd,
    ``heel``, ``abatement``, ``dre``), ``equipment_filling`` (``gas``, ``opening_stock``,
    ``purchased``, ``closing_stock``, ``filled``), ``shielding_gas`` (``amount`` used,
    optional ``co2_fraction``, ``balance``), ``purchased_co2`` (``amount`` used, optional
    ``loss_ratio`` or ``filling``). See :mod:`greenchain.accounting.fgases`.
    """

    type: Literal[
        "carbonate_decomposition",
        "wastewater_ch4",
        "refrigerant_leakage",
        "electronics_fgas",
        "equipment_filling",
        "shielding_gas",
        "purchased_co2",
    ]
    name: str | None = None
    product: str | None = None
    raw_material: Mass | None = None
    fractions: dict[str, Amount] | None = None
    dataset: str | None = None
    calcination_fraction: Rate = Field(default=1.0, ge=0, le=1)
    utilisation: Rate = Field(default=1.0, ge=0, le=1)
    volume: Volume | None = None
    cod_in: Concentration | None = None
    cod_out: Concentration | None = None
    organics: Amount | None = None
    sludge: Amount | None = None
    recovered: Amount | None = None
    b0: Amount | None = None
    mcf: Rate | None = Field(default=None, ge=0, le=1)
    system: str | None = None
    gas: Annotated[str | None, BeforeValidator(gas_validator)] = None
    amount: Amount | None = None
    charge: Amount | None = None
    leak_rate: Rate | None = Field(default=None, ge=0, le=1)
    method: Literal["tier2a", "tier2b"] = "tier2a"
    process: Literal["etch", "cvd"] | None = None
    heel: Rate | None = Field(default=None, ge=0, le=1)
    abatement: Rate | None = Field(default=None, ge=0, le=1)
    dre: Rate | None = Field(default=None, ge=0, le=1)
    opening_stock: Amount | None = None
    purchased: Amount | None = None
    closing_stock: Amount | None = None
    filled: Amount | None = None
    co2_fraction: Rate = Field(default=1.0, ge=0, le=1)
    balance: Literal["Ar", "O2"] = "Ar"
    loss_ratio: Rate | None = Field(default=None, ge=0, le=1)
    filling: Literal["single_fill", "double_fill"] = "single_fill"
    factor: str | Amount | None = None  # explicit CO2e factor per unit of the main input
    factor_source: str | None = None
    factor_status: Literal["official", "transcribed", "derived", "unverified"] = "unverified"
    data_source: DataSource = "not stated"  # where the activity data come from

    @model_validator(mode="after")
    def _inputs_for_type(self) -> ProcessEmission:
        need = {
            "carbonate_decomposition": ("raw_material", "fractions"),
            "refrigerant_leakage": ("gas",),
            "wastewater_ch4": (),
            "electronics_fgas": ("gas", "amount"),
            "equipment_filling": ("gas", "opening_stock", "purchased", "closing_stock", "filled"),
            "shielding_gas": ("amount",),
            "purchased_co2": ("amount",),
        }[self.type]
        missing = [n for n in need if getattr(self, n) is None]
        if missing:
            raise ValueError(f"{self.type} needs {', '.join(missing)}")
        if self.type == "refrigerant_leakage" and self.amount is None:
            if self.charge is None or self.leak_rate is None:
                raise ValueError(
                    "refrigerant_leakage needs amount (topped up), or charge and leak_rate"
                )
        if self.type == "electronics_fgas" and self.method == "tier2b" and self.process is None:
            raise ValueError("electronics_fgas with method tier2b needs process (etch or cvd)")
        if self.type == "wastewater_ch4":
            if self.organics is None and None in (self.volume, self.cod_in, self.cod_out):
                raise ValueError("wastewater_ch4 needs volume, cod_in and cod_out, or organics")
            if self.mcf is None and self.system is None:
                raise ValueError("wastewater_ch4 needs mcf or system")
        return self


class Equipment(_Model):
    """``equipment[]``: a unit the process models can assess.

    ``kind`` is one of kiln, dryer, spray_dryer, boiler, dyeing_machine, stenter,
    ball_mill, motor, pump, fan, compressor, transformer; ``energy`` names the
    plant energy stream it draws on (an ``energy[].use`` label); the remaining keys
    are the model inputs (as Quantities or numbers) and stay model-specific.
    """

    model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)

    id: str
    kind: str
    energy: str | None = None
    count: int = Field(default=1, ge=1)

    @model_validator(mode="after")
    def _profiles(self) -> Equipment:
        for name in ("duty_profile", "throttling", "profile"):
            check_profile((self.model_extra or {}).get(name), name)
        return self


class Finance(_Model):
    """``finance``: defaults for retrofit finance."""

    discount_rate: Rate = Field(default=0.08, gt=-1)
    escalation: Rate = Field(default=0.0, gt=-1)
    debt_ratio: Rate = Field(default=0.0, ge=0, le=1)
    debt_rate: Rate = Field(default=0.0, ge=0)
    debt_term: int = Field(default=0, ge=0)


class Site(_Model):
    """``site``: land and buildings (green-factory land-use indicators)."""

    land_area: SiteArea | None = None
    floor_area: SiteArea | None = None
    building_footprint: SiteArea | None = None


class Water(_Model):
    """``water``: withdrawal and reuse over the year."""

    withdrawal: WaterVolume | None = None
    reused: WaterVolume | None = None
    total_use: WaterVolume | None = None


class Waste(_Model):
    """``waste``: general industrial solid waste over the year."""

    generated: WasteMass | None = None
    utilised: WasteMass | None = None
    stock_utilised: WasteMass | None = None


class Project(_Model):
    """``projects[]``: green/low-carbon retrofit projects done in the last years.

    ``measure`` names the catalogue measure installed; ``installed_on`` its scope, a
    fraction of the measure's equipment (``0.5``) or ``"4 of 8 stenters"``: the retrofit
    assessment applies the measure to the rest only.
    """

    name: str
    year: Year
    investment: MoneyWithUnit | None = None
    measure: str | None = None
    installed_on: float | str | None = None


class RetrofitOption(_Model):
    """``retrofit_options.<measure id>``: the plant's own figures for a measure.

    Measured or quoted values override catalogue defaults (and carry the user's
    ``source``); ``selected`` puts the measure in the plant's retrofit package.
    """

    model_config = ConfigDict(extra="allow", arbitrary_types_allowed=True)

    capex: Money | None = None
    lifetime: int | None = Field(default=None, gt=0, le=100)
    saving_fraction: Rate | None = Field(default=None, ge=0, le=1)
    selected: bool = False
    source: str | None = None


class Economics(_Model):
    """``economics``: output value and investment figures."""

    output_value: MoneyWithUnit | None = None  # e.g. "52000 wan_yuan"
    fixed_investment: MoneyWithUnit | None = None


class PlantData(_Model):
    """The whole plant file."""

    plant: PlantInfo
    products: list[Product] = []
    allocation: Allocation | None = None
    energy: list[EnergyEntry] = []
    exports: list[ExportEntry] = []
    process_emissions: list[ProcessEmission] = []
    equipment: list[Equipment] = []
    prices: dict[str, Amount] = {}
    finance: Finance = Finance()
    site: Site = Site()
    water: Water = Water()
    waste: Waste = Waste()
    projects: list[Project] = []
    economics: Economics = Economics()
    retrofit_options: dict[str, RetrofitOption] = {}
    green_factory: dict[str, Any] = {}

    @field_validator("green_factory")
    @classmethod
    def _green_factory(cls, v: dict[str, Any]) -> dict[str, Any]:
        return check_green_factory(v)  # type: ignore[no-any-return]

    @field_validator("prices", mode="before")
    @classmethod
    def _price_carriers(cls, v: Any) -> Any:  # 天然气: 4.2 元/m3 -> natural_gas
        return {carrier_validator(k): p for k, p in v.items()} if isinstance(v, dict) else v

    @model_validator(mode="after")
    def _references(self) -> PlantData:
        ids = [p.id for p in self.products]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"duplicate product id(s): {', '.join(dupes)}")
        check_exports(
            [(e.carrier, e.amount) for e in self.energy],
            [(x.carrier, x.amount) for x in self.exports],
        )
        for i, e in enumerate(self.energy):
            if e.product is not None and e.product not in ids:
                raise ValueError(f"energy[{i}].product {e.product!r} is not a product id")
        for i, pe in enumerate(self.process_emissions):
            if pe.product is not None and pe.product not in ids:
                raise ValueError(
                    f"process_emissions[{i}].product {pe.product!r} is not a product id"
                )
        for p in self.products:
            if p.footprint is None:
                continue
            for section in ("materials", "packaging", "waste"):
                for j, m in enumerate(getattr(p.footprint, section)):
                    if m.made_in_plant is not None and m.made_in_plant not in ids:
                        raise ValueError(
                            f"products[{p.id}].footprint.{section}[{j}]."
                            f"made_in_plant {m.made_in_plant!r} is not a product id"
                        )
        return self

    def product(self, product_id: str, *, source: str | None = None) -> Product:
        """One product by id; an unknown id raises InputError listing the known ones.

        Parameters
        ----------
        product_id : str
            The product's ``id`` in the plant file.
        source : str, optional
            The plant file's name, for the error message.

        Returns
        -------
        Product

        Raises
        ------
        InputError
            No product has that id (``field="product"``).

        Examples
        --------
        >>> plant = PlantData.model_validate({
        ...     "plant": {"name": "Demo", "region": "Fujian", "year": 2023},
        ...     "products": [{"id": "tile", "name": "Tile", "output": "1000 m^2"}],
        ... })
        >>> plant.product("tile").output
        <Quantity(1000, 'meter ** 2')>
        """
        for p in self.products:
            if p.id == product_id:
                return p
        raise InputError(
            f"unknown product {product_id!r}; products are {[p.id for p in self.products]}",
            field="product",
            source=source,
        )


@runtime_checkable
class PlantLike(Protocol):
    """Anything that carries validated plant data and the name of its file (a ``Plant``)."""

    data: PlantData

    @property
    def source_name(self) -> str | None: ...


def plant_data(
    plant: PlantData | PlantLike, source: str | None = None
) -> tuple[PlantData, str | None]:
    """The plant data and file name of a ``PlantData`` or of a plant-like object.

    Functions below the interface layer take plant data; this lets them accept the
    ``Plant`` facade too without importing it.

    Parameters
    ----------
    plant : PlantData or plant-like
        Validated plant data, or an object with ``.data`` and ``.source_name``.
    source : str, optional
        The file name to name in messages; defaults to the object's ``source_name``.

    Returns
    -------
    tuple
        ``(PlantData, source)``.

    Raises
    ------
    InputError
        ``plant`` is neither (``field="plant"``).

    Examples
    --------
    >>> data = PlantData.model_validate(
    ...     {"plant": {"name": "Demo", "region": "Fujian", "year": 2023}})
    >>> plant_data(data, "plant.yaml") == (data, "plant.yaml")
    True
    """
    if isinstance(plant, PlantData):
        return plant, source
    data = getattr(plant, "data", None)
    if not isinstance(data, PlantData):
        raise InputError(
            f"expected plant data or a Plant, got {type(plant).__name__}", field="plant"
        )
    return data, source if source is not None else getattr(plant, "source_name", None)


def _loc(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in ("function-after", "function-before") or str(part).startswith(
            ("function-", "literal[", "union[", "json-or-python")
        ):
            continue
        else:
            out += ("." if out else "") + str(part)
    return out or "(root)"


def validation_error(exc: ValidationError, source: str | None) -> InputError:
    """Turn a pydantic ValidationError into one InputError listing every problem.

    Parameters
    ----------
    exc : pydantic.ValidationError
        The error raised by validating a plant file.
    source : str or None
        The plant file's name, named in the message.

    Returns
    -------
    InputError
        With one line per problem (``energy[3].amount: ...``); ``field`` is that path
        when there is a single problem, and ``problems`` lists them all.

    Examples
    --------
    >>> from pydantic import ValidationError
    >>> try:
    ...     PlantData.model_validate({"plant": {"name": "Demo"}, "typo": 1})
    ... except ValidationError as exc:
    ...     error = validation_error(exc, "plant.yaml")
    >>> error.problems
    ['plant.region: Field required', 'plant.year: Field required',
     'typo: Extra inputs are not permitted']
    >>> error.field is None, error.source
    (True, 'plant.yaml')
    """
    problems = []
    for err in exc.errors():
        msg = err["msg"].removeprefix("Value error, ")
        problems.append(f"{_loc(tuple(err['loc']))}: {msg}")
    first = _loc(tuple(exc.errors()[0]["loc"])) if exc.errors() else None
    text = (
        problems[0]
        if len(problems) == 1
        else (f"{len(problems)} problems:\n  " + "\n  ".join(problems))
    )
    error = InputError(
        text.split(": ", 1)[1] if len(problems) == 1 else text,
        field=first if len(problems) == 1 else None,
        source=source,
    )
    error.problems = problems  # type: ignore[attr-defined]
    return error
