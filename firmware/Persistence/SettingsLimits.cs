using System;
using InterfaceFirmware.Firmware.Model;
using InterfaceFirmware.Firmware.Planning;

namespace InterfaceFirmware.Firmware.Persistence
{
    /// <summary>
    /// What this board allows the settings to hold: each jack's level span per range, and whether
    /// mono monitoring exists. Filled from the planners on the device, by hand in tests.
    /// </summary>
    public sealed class SettingsLimits
    {
        /// <summary>Ranges per jack (<see cref="HeadphoneRange"/> values 0..2).</summary>
        public const int RangeCount = 3;

        private readonly int _jackCount;
        private readonly int[] _min;
        private readonly int[] _max;
        private readonly int[] _eqPresets;

        public SettingsLimits(int jackCount)
        {
            if (jackCount < 1)
            {
                throw new ArgumentOutOfRangeException("jackCount");
            }

            _jackCount = jackCount;
            _min = new int[jackCount * RangeCount];
            _max = new int[jackCount * RangeCount];
            _eqPresets = new int[jackCount];
        }

        /// <summary>EQ presets jack <paramref name="jack"/> offers (built-ins and user presets); 0 where its codec has no EQ (and no limiter).</summary>
        public int EqPresetCount(int jack)
        {
            return _eqPresets[jack];
        }

        public void SetEqPresetCount(int jack, int count)
        {
            _eqPresets[jack] = count;
        }

        /// <summary>The limits the board's planners give (one planner per jack).</summary>
        public static SettingsLimits FromPlanners(JackPlanner[] planners, bool canMonitorMono)
        {
            var limits = new SettingsLimits(planners.Length);
            for (int jack = 0; jack < planners.Length; jack++)
            {
                for (int r = 0; r < RangeCount; r++)
                {
                    var range = (HeadphoneRange)r;
                    limits.SetRange(jack, range, planners[jack].MinLevel(range), planners[jack].MaxLevel(range));
                }
            }

            limits.CanMonitorMono = canMonitorMono;
            return limits;
        }

        public int JackCount
        {
            get { return _jackCount; }
        }

        /// <summary>The codec can send an input to both ears (<see cref="MonitorMode.Mono"/> exists).</summary>
        public bool CanMonitorMono { get; set; }

        public void SetRange(int jack, HeadphoneRange range, int minLevelCentiDb, int maxLevelCentiDb)
        {
            if (minLevelCentiDb > maxLevelCentiDb)
            {
                throw new ArgumentException("minLevelCentiDb");
            }

            _min[Index(jack, range)] = minLevelCentiDb;
            _max[Index(jack, range)] = maxLevelCentiDb;
        }

        /// <summary>The quietest level above mute of a jack's range (0.01 dB).</summary>
        public int MinLevel(int jack, HeadphoneRange range)
        {
            return _min[Index(jack, range)];
        }

        /// <summary>The loudest level of a jack's range (0.01 dB).</summary>
        public int MaxLevel(int jack, HeadphoneRange range)
        {
            return _max[Index(jack, range)];
        }

        /// <summary>The quietest level of any range of <paramref name="jack"/>.</summary>
        public int LowestLevel(int jack)
        {
            int lowest = int.MaxValue;
            for (int r = 0; r < RangeCount; r++)
            {
                lowest = _min[(jack * RangeCount) + r] < lowest ? _min[(jack * RangeCount) + r] : lowest;
            }

            return lowest;
        }

        /// <summary>The loudest level of any range of <paramref name="jack"/>.</summary>
        public int HighestLevel(int jack)
        {
            int highest = int.MinValue;
            for (int r = 0; r < RangeCount; r++)
            {
                highest = _max[(jack * RangeCount) + r] > highest ? _max[(jack * RangeCount) + r] : highest;
            }

            return highest;
        }

        public static bool IsKnownRange(HeadphoneRange range)
        {
            return (int)range >= 0 && (int)range < RangeCount;
        }

        private int Index(int jack, HeadphoneRange range)
        {
            if (jack < 0 || jack >= _jackCount || !IsKnownRange(range))
            {
                throw new ArgumentOutOfRangeException("jack");
            }

            return (jack * RangeCount) + (int)range;
        }
    }
}
