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
        private readonly double _stepSin;
        private readonly double _stepCos;
        private readonly double _phase;

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
            _stepSin = Math.Sin(_step);
            _stepCos = Math.Cos(_step);
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
            // The block's first phase from the absolute index (no drift across blocks), then a rotation
            // per sample (two multiply-adds instead of a sine; exact to ~1e-13 over a block).
            double phase = _phase + _step * firstSample;
            Rotate(buffer, offset, count, Amplitude, Math.Sin(phase), Math.Cos(phase), _stepSin, _stepCos);
            ApplyEnvelope(buffer, offset, count, firstSample);
        }

        // The loop on its own, without calls, and not inlined back: on x64 Unix no XMM register
        // survives a call, so a loop in a method that also calls Math.Sin kept its recurrence on the
        // stack (half the speed).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void Rotate(double[] buffer, int offset, int count, double amplitude, double sin, double cos, double stepSin, double stepCos)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = amplitude * sin;
                double nextSin = sin * stepCos + cos * stepSin;
                cos = cos * stepCos - sin * stepSin;
                sin = nextSin;
            }
        }

        /// <summary>
        /// Two sines' blocks at once: each buffer gets exactly what <see cref="Fill"/> would write,
        /// the two rotations side by side in one loop so that their recurrences overlap.
        /// </summary>
        public static void FillTogether(SineSource a, double[] bufferA, SineSource b, double[] bufferB, int count, long firstSample)
        {
            double phaseA = a._phase + a._step * firstSample;
            double phaseB = b._phase + b._step * firstSample;
            double sinA = Math.Sin(phaseA);
            double cosA = Math.Cos(phaseA);
            double sinB = Math.Sin(phaseB);
            double cosB = Math.Cos(phaseB);
            RotateTogether(bufferA, bufferB, count, a.Amplitude, sinA, cosA, a._stepSin, a._stepCos, b.Amplitude, sinB, cosB, b._stepSin, b._stepCos);
            a.ApplyEnvelope(bufferA, 0, count, firstSample);
            b.ApplyEnvelope(bufferB, 0, count, firstSample);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void RotateTogether(double[] bufferA, double[] bufferB, int count, double amplitudeA, double sinA, double cosA, double stepSinA, double stepCosA,
            double amplitudeB, double sinB, double cosB, double stepSinB, double stepCosB)
        {
            for (int i = 0; i < count; i++)
            {
                bufferA[i] = amplitudeA * sinA;
                bufferB[i] = amplitudeB * sinB;
                double nextSinA = sinA * stepCosA + cosA * stepSinA;
                double nextSinB = sinB * stepCosB + cosB * stepSinB;
                cosA = cosA * stepCosA - sinA * stepSinA;
                cosB = cosB * stepCosB - sinB * stepSinB;
                sinA = nextSinA;
                sinB = nextSinB;
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
