namespace com.amazonaws.s3
service SimpleS3 { version: "2023-12-21", operations: [ListBuckets, PutObject] }
operation ListBuckets { output: ListBucketsOutput }
structure ListBucketOutput { buckets: BucketList }
list BucketList { member: Bucket }
