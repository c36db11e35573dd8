using System;
using InterfaceFirmware.Emulator;
using InterfaceFirmware.EmulatorCli.Scripting;

namespace InterfaceFirmware.EmulatorCli.Session
{
    /// <summary>
    /// A signal a script can change while the session runs: each change cross-fades from the old
    /// signal to the new one over <see cref="FadeSamples"/>, as a player or a musician would, so
    /// the pop detectors judge the device and not the script's edits.
    /// </summary>
    public sealed class ScriptedSource : SignalSource
    {
        /// <summary>50 ms at 48 kHz.</summary>
        public const int FadeSamples = AudioEngine.SampleRate / 20;

        private SignalSource _current = SilenceSource.Instance;
        private SignalSource _previous;
        private long _fadeStart;
        private double[] _scratch = new double[0];

        /// <summary>Switches to <paramref name="next"/>, fading from sample <paramref name="atSample"/>.</summary>
        public void Change(SignalSource next, long atSample)
        {
            _previous = _current;
            _current = next;
            _fadeStart = atSample;
        }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            _current.Fill(buffer, offset, count, firstSample);
            long fadeEnd = _fadeStart + FadeSamples;
            if (_previous == null || firstSample >= fadeEnd)
            {
                _previous = null;
                return;
            }

            if (_scratch.Length < count)
            {
                _scratch = new double[count];
            }

            _previous.Fill(_scratch, 0, count, firstSample);
            for (int i = 0; i < count; i++)
            {
                long n = firstSample + i;
                double x = n < _fadeStart ? 0 : n >= fadeEnd ? 1 : (n - _fadeStart) / (double)FadeSamples;
                double fadeIn = 0.5 - 0.5 * Math.Cos(Math.PI * x);
                buffer[offset + i] = buffer[offset + i] * fadeIn + _scratch[i] * (1 - fadeIn);
            }
        }
    }

    /// <summary>
    /// A periodic waveform from a table of harmonics (one period, interpolated), optionally with a
    /// slow amplitude envelope: cheap enough to render minutes of several inputs in a second.
    /// </summary>
    public sealed class HarmonicSource : SignalSource
    {
        private const int TableSize = 4096;

        private readonly double[] _table = new double[TableSize + 1];
        private readonly double _step;
        private readonly double _amplitude;
        private readonly bool _syllables;
        private readonly NoiseSource _breath;
        private double[] _noise = new double[0];

        /// <param name="harmonics">Relative amplitude of harmonic 1, 2, … of <paramref name="frequencyHz"/>.</param>
        /// <param name="dbfsRms">RMS level re a full-scale sine (the envelope's mean included).</param>
        /// <param name="syllables">Speech-like: the level rises and falls a few times a second, with breath noise.</param>
        public HarmonicSource(double frequencyHz, double[] harmonics, double dbfsRms, bool syllables, int seed)
        {
            double meanSquare = 0;
            for (int k = 0; k < harmonics.Length; k++)
            {
                meanSquare += harmonics[k] * harmonics[k] / 2;
            }

            for (int i = 0; i <= TableSize; i++)
            {
                double phase = 2 * Math.PI * i / TableSize;
                double sum = 0;
                for (int k = 0; k < harmonics.Length; k++)
                {
                    sum += harmonics[k] * Math.Sin((k + 1) * phase + k * 0.7); // spread phases: a lower crest factor
                }

                _table[i] = sum;
            }

            _syllables = syllables;
            double envelopeMeanSquare = syllables ? MeanSquareOfEnvelope() : 1;

            // A full-scale sine has RMS 1/√2: scale so the RMS is dbfsRms re that.
            _amplitude = Decibels.ToLinear(dbfsRms) / Math.Sqrt(2 * meanSquare * envelopeMeanSquare);
            _step = frequencyHz * TableSize / AudioEngine.SampleRate;
            if (syllables)
            {
                _breath = new NoiseSource(seed, 0.08);
            }
        }

        /// <summary>A guitar-like tone: a plucked string's falling harmonic series.</summary>
        public static HarmonicSource Guitar(double frequencyHz, double dbfs)
        {
            return new HarmonicSource(frequencyHz, new[] { 1.0, 0.6, 0.45, 0.3, 0.22, 0.15, 0.1, 0.07, 0.05, 0.03 }, dbfs, false, 0);
        }

        /// <summary>A voice-like signal: a buzz at 180 Hz shaped like a vowel, in syllables, with breath noise.</summary>
        public static HarmonicSource Voice(double dbfs, int seed)
        {
            var harmonics = new double[16];
            for (int k = 0; k < harmonics.Length; k++)
            {
                double f = 180.0 * (k + 1);
                double formants = 1.0 / (1 + Math.Pow((f - 700) / 250, 2)) + 0.5 / (1 + Math.Pow((f - 1800) / 300, 2));
                harmonics[k] = 0.15 / (k + 1) + formants;
            }

            return new HarmonicSource(180, harmonics, dbfs, true, seed);
        }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            if (_syllables)
            {
                if (_noise.Length < count)
                {
                    _noise = new double[count];
                }

                _breath.Fill(_noise, 0, count, firstSample);
            }

            for (int i = 0; i < count; i++)
            {
                long n = firstSample + i;
                double position = (n * _step) % TableSize;
                int index = (int)position;
                double fraction = position - index;
                double x = _table[index] + (_table[index + 1] - _table[index]) * fraction;
                if (_syllables)
                {
                    x = (x + _noise[i]) * Envelope(n / (double)AudioEngine.SampleRate);
                }

                buffer[offset + i] = _amplitude * x;
            }

            ApplyEnvelope(buffer, offset, count, firstSample);
        }

        // Syllables: two slow sines, between about 0.1 and 1, never an edge.
        private static double Envelope(double seconds)
        {
            return 0.55 + 0.3 * Math.Sin(2 * Math.PI * 3.1 * seconds) + 0.15 * Math.Sin(2 * Math.PI * 5.3 * seconds + 1);
        }

        private static double MeanSquareOfEnvelope()
        {
            return 0.55 * 0.55 + 0.3 * 0.3 / 2 + 0.15 * 0.15 / 2;
        }
    }

    /// <summary>Turns a script's signal into a source.</summary>
    public static class Signals
    {
        /// <param name="left">Which channel of a stereo WAV file.</param>
        /// <param name="nowSample">Where a WAV file starts.</param>
        public static SignalSource Create(SignalSpec spec, int seed, bool left, long nowSample)
        {
            switch (spec.Kind)
            {
                case "wav":
                    return new SampleSource(left ? spec.Wav.Left : spec.Wav.Right, spec.Wav.SampleRate, false) { StartSample = nowSample };
                case "sine": return SineSource.AtDbfs(spec.FrequencyHz, spec.Dbfs);
                case "noise": return new NoiseSource(seed, Decibels.ToLinear(spec.Dbfs) / Math.Sqrt(2));
                case "guitar": return HarmonicSource.Guitar(spec.FrequencyHz, spec.Dbfs);
                case "voice": return HarmonicSource.Voice(spec.Dbfs, seed);
                default: return SilenceSource.Instance;
            }
        }
    }
}
