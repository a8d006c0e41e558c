"""Customer lifetime value: BG/NBD (Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader & Hardie),
fitted by maximum likelihood with vectorised log-likelihoods; our own implementation.

Inputs per customer, in one time unit (days or weeks): ``x`` repeat transactions (distinct
purchase days minus one), ``t_x`` time of the last purchase since the first, ``T`` time from
the first purchase to the end of the observation, ``m`` mean value of the repeat transactions.
Identical (x, t_x, T) rows are fitted once with a weight, so a population of millions with
few distinct histories fits as fast as a small one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import digamma, gammaln, hyp2f1
from threadpoolctl import threadpool_limits

Array = NDArray[np.float64]


POLISH_EVALUATIONS = 1500  # likelihood evaluations Nelder-Mead may spend after L-BFGS-B


class FitError(ValueError):
    """The data cannot identify the model (too few customers or no repeat purchases)."""


@dataclass(frozen=True)
class BgNbd:
    """BG/NBD parameters: purchase rate ~ Gamma(r, alpha), dropout p ~ Beta(a, b)."""

    r: float
    alpha: float
    a: float
    b: float


@dataclass(frozen=True)
class GammaGamma:
    """Gamma-Gamma spend parameters (p, q, v = the paper's gamma)."""

    p: float
    q: float
    v: float


@dataclass(frozen=True)
class ClvFit:
    """A stored CLV fit: both models' parameters and what they were fitted on."""

    bgnbd: BgNbd
    gamma_gamma: GammaGamma
    customers: int  # customers with a purchase up to calibration_end
    fitted_at: dt.datetime
    calibration_end: dt.datetime
    time_unit: str
    fit_seconds: float
    rescored: dict[str, Any] | None = None  # the re-score after the fit, when it ran as a job


COMPRESS_ABOVE = 20_000  # below this, finding distinct rows costs more than it saves


def _compress(*columns: Array) -> tuple[list[Array], Array]:
    """Distinct rows of the columns and how often each occurs (the likelihood weights)."""
    if len(columns[0]) <= COMPRESS_ABOVE:
        return [np.asarray(c, dtype=float) for c in columns], np.ones(len(columns[0]))
    stacked = np.column_stack(columns)
    unique, counts = np.unique(stacked, axis=0, return_counts=True)
    return [unique[:, i] for i in range(unique.shape[1])], counts.astype(float)


def bgnbd_log_likelihood(params: BgNbd, x: Array, t_x: Array, T: Array) -> Array:  # noqa: N803 - paper's names
    """Per-customer log-likelihood of the BG/NBD model (paper eq. 6, computed in logs)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    a4 = np.where(repeat, np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0)) - (r + x) * np.log(alpha + t_x),
                  -np.inf)
    return a1 + a2 + np.logaddexp(a3, a4)


def _bgnbd_ll_and_gradient(params: BgNbd, x: Array, t_x: Array, T: Array) -> tuple[Array, Array]:  # noqa: N803
    """Log-likelihood per customer and its gradient (4 x n) in (r, alpha, a, b)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    a3 = -(r + x) * np.log(alpha + T)
    repeat = x > 0
    bx1 = np.where(repeat, b + x - 1, 1.0)
    a4 = np.where(repeat, np.log(a) - np.log(bx1) - (r + x) * np.log(alpha + t_x), -np.inf)
    mix = np.logaddexp(a3, a4)
    value = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(
        a + b + x) + mix
    w4 = np.exp(a4 - mix)  # the share of the "dropped out after the last purchase" term
    w3 = 1.0 - w4
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * np.log(alpha + T) - w4 * np.log(alpha + t_x)
    d_alpha = r / alpha - w3 * (r + x) / (alpha + T) - w4 * (r + x) / (alpha + t_x)
    common = digamma(a + b) - digamma(a + b + x)
    d_a = common + w4 / a
    d_b = common + digamma(b + x) - digamma(b) - w4 / bx1
    return value, np.vstack([d_r, d_alpha, d_a, d_b])


def fit_bgnbd(x: Array, t_x: Array, T: Array) -> BgNbd:  # noqa: N803
    """Maximum-likelihood BG/NBD parameters."""
    if len(x) < 2 or not np.any(x > 0):
        raise FitError("BG/NBD needs at least 2 customers and some repeat purchases")
    (ux, ut, uT), w = _compress(x, t_x, T)
    scale = 1.0 / max(float(np.max(uT)), 1e-9)  # fit on a unit scale: alpha scales with time, the rest does not
    ut, uT = ut * scale, uT * scale  # noqa: N806

    def nll(log_params: Array) -> tuple[float, Array]:
        r, alpha, a, b = np.exp(log_params)
        value, grad = _bgnbd_ll_and_gradient(BgNbd(r, alpha, a, b), ux, ut, uT)
        return -float(np.sum(w * value)) / w.sum(), -(grad @ w) * np.exp(log_params) / w.sum()

    best = _minimise(nll, np.zeros(4))
    r, alpha, a, b = np.exp(best)
    return BgNbd(r=float(r), alpha=float(alpha / scale), a=float(a), b=float(b))


def gamma_gamma_log_likelihood(params: GammaGamma, x: Array, m: Array) -> Array:
    """Per-customer log-likelihood of the mean spend ``m`` over ``x`` > 0 transactions."""
    p, q, v = params.p, params.q, params.v
    px = p * x
    return (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(v) + (px - 1) * np.log(m)
            + px * np.log(x) - (px + q) * np.log(x * m + v))


def fit_gamma_gamma(x: Array, m: Array) -> GammaGamma:
    """Maximum-likelihood Gamma-Gamma parameters, on the customers with repeat purchases and spend."""
    keep = (x > 0) & (m > 0)
    if int(np.count_nonzero(keep)) < 2:
        raise FitError("Gamma-Gamma needs at least 2 customers with repeat purchases of positive value")
    (ux, um), w = _compress(x[keep], m[keep])
    scale = 1.0 / float(np.mean(um))  # money on a unit scale: v scales with money, p and q do not
    um = um * scale
    log_x, log_m = np.log(ux), np.log(um)

    def nll(log_params: Array) -> tuple[float, Array]:
        p, q, v = np.exp(log_params)
        value = gamma_gamma_log_likelihood(GammaGamma(p, q, v), ux, um)
        log_xmv = np.log(ux * um + v)
        shared = digamma(p * ux + q)
        grad = np.vstack([ux * (shared - digamma(p * ux) + log_m + log_x - log_xmv),
                          shared - digamma(q) + np.log(v) - log_xmv, q / v - (p * ux + q) / (ux * um + v)])
        return -float(np.sum(w * value)) / w.sum(), -(grad @ w) * np.exp(log_params) / w.sum()

    best = _minimise(nll, np.zeros(3))
    p, q, v = np.exp(best)
    return GammaGamma(p=float(p), q=float(q), v=float(v / scale))


def _minimise(nll, start: Array) -> Array:  # type: ignore[no-untyped-def]
    """Minimise over log-parameters with L-BFGS-B and the analytic gradient; if that stops
    without converging, Nelder-Mead (no gradient) polishes the result, with a bounded budget:
    on data without dropout the optimum sits on a bound, where L-BFGS-B reports no convergence
    and an unbounded polish ran for minutes on 50,000 customers. One BLAS thread: the problem
    is tiny, and on a busy machine thread hand-offs cost more than the arithmetic."""
    with np.errstate(all="ignore"), threadpool_limits(limits=1):
        result = minimize(nll, start, jac=True, method="L-BFGS-B", bounds=[(-15.0, 15.0)] * len(start),
                          options={"ftol": 1e-14, "gtol": 1e-9, "maxiter": 2000})
        if not result.success:
            polished = minimize(lambda p: nll(p)[0], result.x, method="Nelder-Mead",
                                options={"xatol": 1e-10, "fatol": 1e-14, "maxfev": POLISH_EVALUATIONS})
            result = polished if polished.fun <= result.fun else result
    best = result.x
    if not np.all(np.isfinite(best)) or not np.isfinite(nll(best)[0]):
        raise FitError("the likelihood could not be maximised")
    return np.asarray(best)


def _alive_odds(params: BgNbd, x: Array, t_x: Array, T: Array) -> Array:  # noqa: N803
    """a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x) for x > 0, else 0 (the 'dead' odds)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    repeat = x > 0
    log_odds = (np.log(a) - np.log(np.where(repeat, b + x - 1, 1.0))
                + (r + x) * (np.log(alpha + T) - np.log(alpha + t_x)))
    return np.where(repeat, np.exp(np.minimum(log_odds, 700.0)), 0.0)


def p_alive(params: BgNbd, x: Array, t_x: Array, T: Array) -> Array:  # noqa: N803
    """P(still active | x, t_x, T) (paper eq. 13)."""
    return 1.0 / (1.0 + _alive_odds(params, x, t_x, T))


def expected_purchases(params: BgNbd, t: float, x: Array, t_x: Array, T: Array) -> Array:  # noqa: N803
    """Expected purchases in the next ``t`` units given the history (paper eq. 10)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    z = t / (alpha + T + t)
    head = (a + b + x - 1) / (a - 1)
    body = 1.0 - np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t))) * hyp2f1(r + x, b + x,
                                                                                      a + b + x - 1, z)
    return np.maximum(head * body / (1.0 + _alive_odds(params, x, t_x, T)), 0.0)


def expected_order_value(params: GammaGamma, x: Array, m: Array) -> Array:
    """E[spend per transaction | x, m]: population mean when x = 0, shrunk towards m as x grows."""
    p, q, v = params.p, params.q, params.v
    mean = p * v / (q - 1) if q > 1 else np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        conditional = p * (v + x * m) / (p * x + q - 1)
    return np.where(x > 0, conditional, mean)


def discounted_clv(bgnbd: BgNbd, gamma_gamma: GammaGamma, *, x: Array, t_x: Array, T: Array,  # noqa: N803
                   m: Array, horizon: float, steps: int, rate_per_step: float) -> Array:
    """Discounted value of the purchases expected in ``horizon`` units, in ``steps`` periods
    (e.g. 12 months) each discounted at ``rate_per_step``."""
    value = expected_order_value(gamma_gamma, x, m)
    total = np.zeros_like(x, dtype=float)
    previous = np.zeros_like(x, dtype=float)
    for i in range(1, steps + 1):
        cumulative = expected_purchases(bgnbd, horizon * i / steps, x, t_x, T)
        total += (cumulative - previous) / (1.0 + rate_per_step) ** i
        previous = cumulative
    return total * value
