namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// A preset made ready for the chip at one sample rate: the biquads in the SGTL5000's format
    /// and the preamp that keeps a full-scale signal from clipping inside the DAP.
    /// </summary>
    /// <remarks>
    /// <para>Order: cuts first, boosts last (ascending gain), so the partial cascades the chip
    /// computes in between rise as little as possible.</para>
    /// <para>Preamp: the magnitude of every partial cascade (biquads 1…k) is evaluated on a grid
    /// (1/12 octave from 10 Hz to 0.49·fs, plus each band's own frequency), with 0.1 dB of margin
    /// for peaks between grid points. Biquad k's output may reach at most min(1, 1/max|H1…k|), the
    /// whole cascade ends at min(1, 1/max|H|): the gains that get there are folded into each
    /// biquad's b0, b1, b2 (the DAP runs the biquads before its AVC, after DAP_MAIN_CHAN, which
    /// stays at 100 %). A biquad whose b coefficients would leave the 20-bit range (±2) takes
    /// less gain; the cascade then ends lower, never higher. No allocation after construction.</para>
    /// </remarks>
    public sealed class EqPlan
    {
        /// <summary>Biquads the plan fills (all of them; unused ones pass through).</summary>
        public const int Biquads = EqPreset.MaxBands;

        /// <summary>Allowance for peaks between grid points, as a power ratio (0.1 dB).</summary>
        private const double GridMargin = 1.0232929922807541;

        /// <summary>Largest |b| the plan lets a gain push a coefficient to (just under the 20-bit limit of 2).</summary>
        private const double LargestCoefficient = 1.999;

        private const double TwelfthOctave = 1.0594630943592953;

        private readonly double[][] _normalized = NewBlock(Biquads);
        private readonly double[] _gain = new double[Biquads];
        private readonly int[][] _chip = NewChip();
        private readonly int[] _order = new int[Biquads];
        private readonly double[] _prefixPeak = new double[Biquads];
        private int _count;
        private int _sampleRate;
        private double _preamp = 1;
        private double _peakPower = 1;
        private bool _clamped;

        /// <summary>Biquads to run (DAP_PEQ); 0 = the EQ off (flat).</summary>
        public int BandCount
        {
            get { return _count; }
        }

        public int SampleRate
        {
            get { return _sampleRate; }
        }

        /// <summary>The preamp folded into the biquads, in dB (≤ 0).</summary>
        public double PreampDb
        {
            get { return 20 * EqMath.Log10(_preamp); }
        }

        /// <summary>The curve's maximum on the grid before the preamp, in dB.</summary>
        public double PeakDb
        {
            get { return EqMath.PowerToDb(_peakPower); }
        }

        /// <summary>True if a coefficient had to be clamped to the 20-bit range (not expected for presets within the limits).</summary>
        public bool Clamped
        {
            get { return _clamped; }
        }

        /// <summary>The preset band running in biquad <paramref name="biquad"/>.</summary>
        public int BandOf(int biquad)
        {
            return _order[biquad];
        }

        /// <summary>Coefficient <paramref name="which"/> (0 b0, 1 b1, 2 b2, 3 −a1, 4 −a2: as the chip stores them) of a biquad.</summary>
        public int Coefficient(int biquad, int which)
        {
            return _chip[biquad][which];
        }

        /// <summary>
        /// Designs <paramref name="preset"/> for <paramref name="sampleRate"/>: call on a preset
        /// change and on every rate change, then load it (<see cref="EqLoader"/>).
        /// </summary>
        public void Compute(EqPreset preset, int sampleRate)
        {
            _sampleRate = sampleRate;
            _count = preset.Count;
            _clamped = false;
            SortByGain(preset);
            for (int k = 0; k < Biquads; k++)
            {
                if (k < _count)
                {
                    int band = _order[k];
                    EqDesigner.Design(preset.Type(band), preset.FrequencyHz(band), preset.GainCentiDb(band) / 100.0,
                        preset.QMilli(band) / 1000.0, sampleRate, _normalized[k]);
                }
                else
                {
                    EqDesigner.Design(EqFilterType.None, 1000, 0, 1, sampleRate, _normalized[k]);
                }
            }

            FindPrefixPeaks(preset);
            double reached = 1;
            for (int k = 0; k < Biquads; k++)
            {
                double gain = 1;
                if (k < _count)
                {
                    double allowed = _prefixPeak[k] * GridMargin > 1 ? 1 / EqMath.Sqrt(_prefixPeak[k] * GridMargin) : 1;
                    gain = allowed / reached;
                    double largest = EqDesigner.LargestFeedForward(_normalized[k]);
                    if (largest * gain > LargestCoefficient)
                    {
                        gain = LargestCoefficient / largest;
                    }

                    reached *= gain;
                }

                _gain[k] = gain;
                if (!EqDesigner.Quantize(_normalized[k], gain, sampleRate, _chip[k]))
                {
                    _clamped = true;
                }
            }

            _preamp = reached;
            _peakPower = _count > 0 ? _prefixPeak[_count - 1] : 1;
        }

        /// <summary>The designed curve at <paramref name="hz"/> in dB: the bands (exact, not quantized) without the preamp.</summary>
        public double CurveDb(double hz)
        {
            double power = 1;
            for (int k = 0; k < _count; k++)
            {
                power *= EqDesigner.PowerAt(_normalized[k], hz, _sampleRate);
            }

            return EqMath.PowerToDb(power);
        }

        /// <summary>What the plan makes of a signal at <paramref name="hz"/>, in dB: <see cref="CurveDb"/> plus <see cref="PreampDb"/>.</summary>
        public double ResponseDb(double hz)
        {
            return CurveDb(hz) + PreampDb;
        }

        // Cuts first: insertion sort of the band indices by gain (stable).
        private void SortByGain(EqPreset preset)
        {
            for (int i = 0; i < Biquads; i++)
            {
                _order[i] = i;
            }

            for (int i = 1; i < _count; i++)
            {
                int band = _order[i];
                int j = i - 1;
                while (j >= 0 && preset.GainCentiDb(_order[j]) > preset.GainCentiDb(band))
                {
                    _order[j + 1] = _order[j];
                    j--;
                }

                _order[j + 1] = band;
            }
        }

        // The largest |H1…k|² over the grid and the bands' own frequencies, for each k.
        private void FindPrefixPeaks(EqPreset preset)
        {
            for (int k = 0; k < Biquads; k++)
            {
                _prefixPeak[k] = 0;
            }

            double top = EqDesigner.HighestFraction * _sampleRate;
            for (double hz = 10; hz <= top; hz *= TwelfthOctave)
            {
                AddGridPoint(hz);
            }

            AddGridPoint(top);
            for (int i = 0; i < _count; i++)
            {
                AddGridPoint(preset.FrequencyHz(i) < top ? preset.FrequencyHz(i) : top);
            }
        }

        private void AddGridPoint(double hz)
        {
            double w = 2 * EqMath.Pi * hz / _sampleRate;
            double cos1 = EqMath.Cos(w);
            double sin1 = EqMath.Sin(w);
            double cos2 = 2 * cos1 * cos1 - 1;
            double sin2 = 2 * sin1 * cos1;
            double power = 1;
            for (int k = 0; k < _count; k++)
            {
                power *= EqDesigner.PowerAt(_normalized[k], cos1, sin1, cos2, sin2);
                _prefixPeak[k] = power > _prefixPeak[k] ? power : _prefixPeak[k];
            }
        }

        private static double[][] NewBlock(int count)
        {
            var block = new double[count][];
            for (int i = 0; i < count; i++)
            {
                block[i] = new double[5];
            }

            return block;
        }

        private static int[][] NewChip()
        {
            var chip = new int[Biquads][];
            for (int i = 0; i < Biquads; i++)
            {
                chip[i] = new int[5];
            }

            return chip;
        }
    }
}
