/** JMH benchmarks of semaine against which the compare-sklearn script's table is read. */
package semaine.bench;
