// How figures and instants read on the page. Every instant is shown in UTC: the API groups usage by
// UTC days and hours, and the energy clock's instants are UTC too.

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const threeSignificant = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const smallDollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumSignificantDigits: 3 });

export function count(value) {
  return integer.format(value);
}

/** Dollars: cents from $1 up, three significant digits below (per-request costs are tiny). */
export function usd(value) {
  if (value === null || value === undefined) {
    return "–";
  }
  const number = Number(value);
  if (number === 0) {
    return "$0";
  }
  return Math.abs(number) >= 1 ? dollars.format(number) : smallDollars.format(number);
}

export function kwh(value) {
  const number = Number(value);
  return number === 0 ? "0 kWh" : `${threeSignificant.format(number)} kWh`;
}

/** A wholesale price: cents always (it may be negative). */
export function usdPerMwh(value) {
  return value === null || value === undefined ? "–" : dollars.format(Number(value));
}

export function pricePer1m(value) {
  return value === null || value === undefined ? "–" : smallDollars.format(Number(value));
}

const hourMinute = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });
const dayMonth = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });
const full = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** "13:00" */
export function time(instant) {
  return hourMinute.format(new Date(instant));
}

/** "22 Nov" */
export function day(instant) {
  return dayMonth.format(new Date(instant));
}

/** "22 Nov 13:05" */
export function dayTime(instant) {
  return `${day(instant)} ${time(instant)}`;
}

const dayMonthYear = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

/** "22 Nov 2026" */
export function date(value) {
  return value ? dayMonthYear.format(new Date(value)) : "–";
}

/** "22 Nov 2026, 13:05:09 UTC" */
export function instant(value) {
  return value ? `${full.format(new Date(value))} UTC` : "–";
}
