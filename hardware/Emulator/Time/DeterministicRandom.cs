namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// Seeded pseudo-random numbers (xorshift32) that come out identical on nanoFramework and on
    /// .NET, unlike System.Random whose algorithm differs between the two runtimes.
    /// </summary>
    public sealed class DeterministicRandom
    {
        private uint _state;

        public DeterministicRandom(int seed)
        {
            _state = (uint)seed ^ 0x9E3779B9u;
            if (_state == 0)
            {
                _state = 0x6C078965u;
            }
        }

        /// <summary>The next 32 random bits.</summary>
        public uint NextBits()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        /// <summary>A value in [0, 1).</summary>
        public double NextDouble()
        {
            return (NextBits() >> 8) / 16777216.0;
        }

        /// <summary>A value in [0, maxExclusive).</summary>
        public int Next(int maxExclusive)
        {
            return maxExclusive <= 0 ? 0 : (int)(NextBits() % (uint)maxExclusive);
        }

        /// <summary>True with probability <paramref name="probability"/>.</summary>
        public bool Chance(double probability)
        {
            return probability > 0 && NextDouble() < probability;
        }
    }
}
