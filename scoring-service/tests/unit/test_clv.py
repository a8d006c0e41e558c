"""Our BG/NBD and Gamma-Gamma reproduce the published CDNOW estimates and predictions."""

from __future__ import annotations

import numpy as np
import pytest

from scoring_service.domain import clv
from scoring_service.domain.scoring import UNIT_DAYS
from scoring_service.service_layer.population import calibration_arrays

from ..cdnow import CALIBRATION_END, PAPER_BGNBD, PAPER_GAMMA_GAMMA, calibration_rows, sig3


@pytest.fixture(scope="module")
def cdnow() -> dict[str, np.ndarray]:
    return calibration_arrays(calibration_rows(), end=CALIBRATION_END, unit_days=UNIT_DAYS["weeks"])


def test_cdnow_calibration_summary_is_the_papers(cdnow: dict[str, np.ndarray]) -> None:
    assert len(cdnow["x"]) == 2357 and int(cdnow["x"].sum()) == 2457 and int((cdnow["x"] > 0).sum()) == 946
    assert cdnow["T"].max() == pytest.approx(38.857, abs=1e-3)  # customers of 1997-01-01: 272 days = 38.86 weeks


def test_bgnbd_reproduces_fader_hardie_lee_2005(cdnow: dict[str, np.ndarray]) -> None:
    fit = clv.fit_bgnbd(cdnow["x"], cdnow["t_x"], cdnow["T"])
    assert {k: sig3(getattr(fit, k)) for k in PAPER_BGNBD} == {k: sig3(v) for k, v in PAPER_BGNBD.items()}
    assert abs(fit.alpha - 4.414) < 5e-3 and abs(fit.b - 2.426) < 5e-3  # the paper's 4 digits as well
    # the paper's log-likelihood at the optimum: -9582.4
    ll = clv.bgnbd_log_likelihood(fit, cdnow["x"], cdnow["t_x"], cdnow["T"]).sum()
    assert ll == pytest.approx(-9582.4, abs=0.1)


def test_gamma_gamma_reproduces_fader_hardie(cdnow: dict[str, np.ndarray]) -> None:
    fit = clv.fit_gamma_gamma(cdnow["x"], cdnow["m"])
    assert {k: sig3(getattr(fit, k)) for k in PAPER_GAMMA_GAMMA} == {
        k: sig3(v) for k, v in PAPER_GAMMA_GAMMA.items()}


def test_predictions_match_the_paper_and_lifetimes() -> None:
    bg, gg = clv.BgNbd(**PAPER_BGNBD), clv.GammaGamma(**PAPER_GAMMA_GAMMA)
    x, t_x, T = np.array([2.0, 0.0, 26.0]), np.array([30.43, 0.0, 30.86]), np.array([38.86, 38.86, 31.0])  # noqa: N806
    # the paper's worked example: x=2, t_x=30.43, T=38.86 expects 1.226 purchases in the next 39 weeks;
    # the other figures are lifetimes 0.11.3's for the same inputs
    np.testing.assert_allclose(clv.expected_purchases(bg, 39, x, t_x, T), [1.22603, 0.19510, 20.74973], rtol=1e-4)
    np.testing.assert_allclose(clv.p_alive(bg, x, t_x, T), [0.726579, 1.0, 0.968916], rtol=1e-5)
    np.testing.assert_allclose(clv.expected_order_value(gg, x, np.array([30.0, 0.0, 50.0])),
                               [30.93832, 35.21898, 49.75490], rtol=1e-5)


def test_discounted_clv_is_the_discounted_sum_of_expected_spend() -> None:
    bg, gg = clv.BgNbd(**PAPER_BGNBD), clv.GammaGamma(**PAPER_GAMMA_GAMMA)
    args = {"x": np.array([2.0]), "t_x": np.array([30.43]), "T": np.array([38.86]), "m": np.array([30.0])}
    undiscounted = clv.discounted_clv(bg, gg, **args, horizon=52, steps=12, rate_per_step=0.0)
    expected = clv.expected_purchases(bg, 52, args["x"], args["t_x"], args["T"]) * 30.93832
    np.testing.assert_allclose(undiscounted, expected, rtol=1e-5)
    assert clv.discounted_clv(bg, gg, **args, horizon=52, steps=12, rate_per_step=0.01)[0] < undiscounted[0]


def test_fits_refuse_data_that_cannot_identify_them() -> None:
    with pytest.raises(clv.FitError, match="repeat"):
        clv.fit_bgnbd(np.zeros(5), np.zeros(5), np.ones(5))
    with pytest.raises(clv.FitError, match="2 customers"):
        clv.fit_gamma_gamma(np.array([1.0, 0.0]), np.array([3.0, 0.0]))
    with pytest.raises(clv.FitError):
        clv.fit_bgnbd(np.zeros(0), np.zeros(0), np.zeros(0))


def test_days_as_the_unit_give_the_same_model_scaled() -> None:
    days = calibration_arrays(calibration_rows(), end=CALIBRATION_END, unit_days=UNIT_DAYS["days"])
    fit = clv.fit_bgnbd(days["x"], days["t_x"], days["T"])
    assert (sig3(fit.r), sig3(fit.alpha / 7), sig3(fit.a), sig3(fit.b)) == (0.243, 4.41, 0.793, 2.43)
