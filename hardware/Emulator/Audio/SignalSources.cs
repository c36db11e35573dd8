using System;
using System.Runtime.CompilerServices;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// A signal at an analogue input or in the computer's playback stream, as a function of the
    /// engine's sample index. Levels are in full-scale units (see <see cref="AudioEngine"/>).
    /// </summary>
    public abstract class SignalSource
    {
        /// <summary>Writes samples <paramref name="firstSample"/> … +count into <paramref name="buffer"/>.</summary>
        public abstract void Fill(double[] buffer, int offset, int count, long firstSample);

        /// <summary>Sample index (at <see cref="AudioEngine.SampleRate"/>) at which the signal starts; silent before.</summary>
        public long StartSample { get; set; }

        /// <summary>Length of a raised-cosine fade-in after <see cref="StartSample"/>, in samples (0 = abrupt start).</summary>
        public int FadeInSamples { get; set; }

        /// <summary>
        /// True when <see cref="Fill"/> would write exactly what <paramref name="other"/> just wrote
        /// for the same samples (a stereo pair playing one tone renders it once). False unless known.
        /// </summary>
        public virtual bool RendersSameAs(SignalSource other)
        {
            return false;
        }

        /// <summary>Multiplies the rendered block by the start/fade-in envelope.</summary>
        protected void ApplyEnvelope(double[] buffer, int offset, int count, long firstSample)
        {
            long fadeEnd = StartSample + FadeInSamples;
            if (firstSample >= fadeEnd)
            {
                return;
            }

            for (int i = 0; i < count; i++)
            {
                long n = firstSample + i;
                if (n < StartSample)
                {
                    buffer[offset + i] = 0;
                }
                else if (n < fadeEnd)
                {
                    double x = (n - StartSample) / (double)FadeInSamples;
                    buffer[offset + i] *= 0.5 - 0.5 * Math.Cos(Math.PI * x);
                }
            }
        }
    }

    /// <summary>No signal.</summary>
    public sealed class SilenceSource : SignalSource
    {
        public static readonly SilenceSource Instance = new SilenceSource();

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            Array.Clear(buffer, offset, count);
        }
    }

    /// <summary>A constant level (a DC offset at an input).</summary>
    public sealed class DcSource : SignalSource
    {
        public DcSource(double level)
        {
            Level = level;
        }

        public double Level { get; set; }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = Level;
            }

            ApplyEnvelope(buffer, offset, count, firstSample);
        }
    }

    /// <summary>A sine of a given frequency and peak amplitude (1.0 = full scale).</summary>
    public sealed class SineSource : SignalSource
    {
        private readonly double _step;
        private readonly double _phase;
        private double[] _stepsCos;
        private double[] _stepsSin;

        public SineSource(double frequencyHz, double amplitude)
            : this(frequencyHz, amplitude, 0.0)
        {
        }

        /// <param name="phaseRadians">Phase at sample 0.</param>
        public SineSource(double frequencyHz, double amplitude, double phaseRadians)
        {
            FrequencyHz = frequencyHz;
            Amplitude = amplitude;
            _step = 2.0 * Math.PI * frequencyHz / AudioEngine.SampleRate;
            _phase = phaseRadians;
        }

        public double FrequencyHz { get; }

        public double Amplitude { get; set; }

        /// <summary>A sine whose RMS level is <paramref name="dbfsRms"/> relative to a full-scale sine (0 dB = peak 1.0).</summary>
        public static SineSource AtDbfs(double frequencyHz, double dbfs)
        {
            return new SineSource(frequencyHz, Decibels.ToLinear(dbfs));
        }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            if (_stepsCos == null)
            {
                BuildSteps();
            }

            // Each chunk's first phase from the absolute index (no drift across blocks), every
            // sample from it by the angle sum with the tabled steps: two products per sample, no
            // recurrence from one sample to the next.
            for (int done = 0; done < count; done += _stepsCos.Length)
            {
                int chunk = count - done < _stepsCos.Length ? count - done : _stepsCos.Length;
                double phase = _phase + _step * (firstSample + done);
                AngleSum(buffer, offset + done, chunk, Amplitude * Math.Sin(phase), Amplitude * Math.Cos(phase), _stepsCos, _stepsSin);
            }

            ApplyEnvelope(buffer, offset, count, firstSample);
        }

        // cos and sin of n steps for n = 0 … one block − 1, computed once per source.
        private void BuildSteps()
        {
            var stepsCos = new double[AudioEngine.BlockFrames];
            var stepsSin = new double[AudioEngine.BlockFrames];
            for (int n = 0; n < stepsCos.Length; n++)
            {
                stepsCos[n] = Math.Cos(_step * n);
                stepsSin[n] = Math.Sin(_step * n);
            }

            _stepsSin = stepsSin;
            _stepsCos = stepsCos;
        }

        // A·sin(φ + nθ) = (A·sin φ)·cos nθ + (A·cos φ)·sin nθ. The loop on its own, not inlined
        // back: on x64 Unix no XMM register survives a call (Math.Sin around it).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void AngleSum(double[] buffer, int offset, int count, double sinStart, double cosStart, double[] stepsCos, double[] stepsSin)
        {
            if (count > stepsCos.Length || count > stepsSin.Length)
            {
                // (checked once here, the JIT leaves out the bounds checks of the steps in the loop)
                throw new ArgumentOutOfRangeException("count");
            }

            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = sinStart * stepsCos[i] + cosStart * stepsSin[i];
            }
        }

        public override bool RendersSameAs(SignalSource other)
        {
            SineSource sine = other as SineSource;
            return sine != null && sine._step == _step && sine._phase == _phase && sine.Amplitude == Amplitude
                && sine.StartSample == StartSample && sine.FadeInSamples == FadeInSamples;
        }
    }

    /// <summary>White noise, uniformly distributed, of a given RMS level, from a seed (repeatable).</summary>
    public sealed class NoiseSource : SignalSource
    {
        private readonly DeterministicRandom _random;
        private readonly double _scale;

        public NoiseSource(int seed, double rms)
        {
            _random = new DeterministicRandom(seed);
            _scale = rms * Math.Sqrt(3.0) * 2.0;
        }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            // Noise is drawn in order; blocks are always rendered in order, so this stays repeatable.
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (_random.NextDouble() - 0.5) * _scale;
            }

            ApplyEnvelope(buffer, offset, count, firstSample);
        }
    }

    /// <summary>
    /// Recorded samples (e.g. from a WAV file) at their own rate, resampled to the engine's rate
    /// by linear interpolation; loops or ends in silence.
    /// </summary>
    public sealed class SampleSource : SignalSource
    {
        private readonly double[] _samples;
        private readonly double _ratio;

        public SampleSource(double[] samples, int sampleRate, bool loop)
        {
            _samples = samples;
            _ratio = sampleRate / (double)AudioEngine.SampleRate;
            Loop = loop;
        }

        public bool Loop { get; }

        public override void Fill(double[] buffer, int offset, int count, long firstSample)
        {
            int length = _samples.Length;
            for (int i = 0; i < count; i++)
            {
                long n = firstSample + i - StartSample;
                if (n < 0 || length == 0)
                {
                    buffer[offset + i] = 0;
                    continue;
                }

                double position = n * _ratio;
                long index = (long)position;
                if (Loop)
                {
                    index %= length;
                }
                else if (index >= length)
                {
                    buffer[offset + i] = 0;
                    continue;
                }

                double fraction = position - Math.Floor(position);
                double a = _samples[index];
                double b = _samples[index + 1 < length ? index + 1 : (Loop ? 0 : index)];
                buffer[offset + i] = a + (b - a) * fraction;
            }

            ApplyEnvelope(buffer, offset, count, firstSample);
        }
    }
}
