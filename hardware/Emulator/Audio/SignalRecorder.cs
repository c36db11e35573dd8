using System;
using System.Collections;

namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// Keeps what one output rendered (while <see cref="Recording"/>), for level measurements in
    /// tests and for writing WAV files. Stored as float in 1-second chunks.
    /// </summary>
    public sealed class SignalRecorder
    {
        private const int ChunkLength = AudioEngine.SampleRate;
        private readonly ArrayList _chunks = new ArrayList();
        private long _firstSample = -1;
        private long _length;

        public SignalRecorder(string name)
        {
            Name = name;
        }

        public string Name { get; }

        /// <summary>Off by default: rendering costs nothing extra until a test or the runner asks for samples.</summary>
        public bool Recording { get; set; }

        /// <summary>Engine sample index of the first recorded sample (-1 when nothing is recorded).</summary>
        public long FirstSample
        {
            get { return _firstSample; }
        }

        public long Length
        {
            get { return _length; }
        }

        public void Clear()
        {
            _chunks.Clear();
            _firstSample = -1;
            _length = 0;
        }

        public void Append(double[] samples, int offset, int count, long firstSample)
        {
            if (!Recording)
            {
                return;
            }

            if (_firstSample < 0 || firstSample != _firstSample + _length)
            {
                Clear();
                _firstSample = firstSample;
            }

            for (int i = 0; i < count; i++)
            {
                int chunk = (int)(_length / ChunkLength);
                if (chunk == _chunks.Count)
                {
                    _chunks.Add(new float[ChunkLength]);
                }

                ((float[])_chunks[chunk])[_length % ChunkLength] = (float)samples[offset + i];
                _length++;
            }
        }

        /// <summary>The recorded sample at engine index <paramref name="sample"/>.</summary>
        public double At(long sample)
        {
            long index = sample - _firstSample;
            if (_firstSample < 0 || index < 0 || index >= _length)
            {
                throw new ArgumentOutOfRangeException("sample");
            }

            return ((float[])_chunks[(int)(index / ChunkLength)])[index % ChunkLength];
        }

        /// <summary>RMS over [from, to) in engine samples.</summary>
        public double Rms(long fromSample, long toSample)
        {
            double sum = 0;
            for (long n = fromSample; n < toSample; n++)
            {
                double v = At(n);
                sum += v * v;
            }

            return toSample > fromSample ? Math.Sqrt(sum / (toSample - fromSample)) : 0;
        }

        /// <summary>
        /// Level in dB relative to a full-scale sine (peak 1.0, RMS 1/√2) over [from, to): for a sine
        /// measured over whole periods this is exactly its peak amplitude in dBFS.
        /// </summary>
        public double SineLevelDb(long fromSample, long toSample)
        {
            return Decibels.ToDb(Rms(fromSample, toSample) * Math.Sqrt(2.0));
        }

        /// <summary>Largest absolute sample over [from, to).</summary>
        public double Peak(long fromSample, long toSample)
        {
            double peak = 0;
            for (long n = fromSample; n < toSample; n++)
            {
                double v = Math.Abs(At(n));
                if (v > peak)
                {
                    peak = v;
                }
            }

            return peak;
        }

        /// <summary>Mean over [from, to): the DC component.</summary>
        public double Mean(long fromSample, long toSample)
        {
            double sum = 0;
            for (long n = fromSample; n < toSample; n++)
            {
                sum += At(n);
            }

            return toSample > fromSample ? sum / (toSample - fromSample) : 0;
        }
    }
}
